//! The chainable setters of the option types, written once: each field
//! listed gets `fn field(mut self, value) -> Self` with the field's own doc
//! line, so that a user configures every option through a method and no
//! public field is ever needed.
//!
//! Forms, one per field:
//! - `name: Type` sets the field;
//! - `some name: Type` sets an `Option<Type>` field to `Some(value)`;
//! - `list name` takes any list of names (`["A", "B"]`, a `Vec<String>`…)
//!   for a `Vec<String>` field, `some list name` for an `Option<Vec<String>>`.

macro_rules! setters {
    ($type:ty { $($body:tt)* }) => {
        impl $type { $crate::setters::setters!(@fields $($body)*); }
    };
    (@fields) => {};
    (@fields $(#[$doc:meta])* some list $field:ident $(, $($rest:tt)*)?) => {
        $(#[$doc])*
        #[must_use]
        pub fn $field<I, S>(mut self, $field: I) -> Self
        where
            I: IntoIterator<Item = S>,
            S: Into<String>,
        {
            self.$field = Some($field.into_iter().map(Into::into).collect());
            self
        }
        $($crate::setters::setters!(@fields $($rest)*);)?
    };
    (@fields $(#[$doc:meta])* list $field:ident $(, $($rest:tt)*)?) => {
        $(#[$doc])*
        #[must_use]
        pub fn $field<I, S>(mut self, $field: I) -> Self
        where
            I: IntoIterator<Item = S>,
            S: Into<String>,
        {
            self.$field = $field.into_iter().map(Into::into).collect();
            self
        }
        $($crate::setters::setters!(@fields $($rest)*);)?
    };
    (@fields $(#[$doc:meta])* some $field:ident : $value:ty $(, $($rest:tt)*)?) => {
        $(#[$doc])*
        #[must_use]
        pub fn $field(mut self, $field: $value) -> Self {
            self.$field = Some($field);
            self
        }
        $($crate::setters::setters!(@fields $($rest)*);)?
    };
    (@fields $(#[$doc:meta])* $field:ident : $value:ty $(, $($rest:tt)*)?) => {
        $(#[$doc])*
        #[must_use]
        pub fn $field(mut self, $field: $value) -> Self {
            self.$field = $field;
            self
        }
        $($crate::setters::setters!(@fields $($rest)*);)?
    };
}

/// The shared setters and `compute` of a statistic as methods of the type
/// itself, so that `Rate::new(..).by("kommun").compute(frame)` needs no
/// `use indikator::Statistic`. Hidden from the docs: they are the
/// [`crate::Statistic`] methods, which the docs show (and generic code uses).
macro_rules! statistic_methods {
    ($($type:ty),* $(,)?) => {$(
        impl $type {
            #[doc(hidden)]
            #[must_use]
            pub fn by(self, columns: impl $crate::measure::IntoColumns) -> Self {
                <Self as $crate::measure::Statistic>::by(self, columns)
            }
            #[doc(hidden)]
            #[must_use]
            pub fn pool(self, pool: $crate::measure::Pool) -> Self {
                <Self as $crate::measure::Statistic>::pool(self, pool)
            }
            #[doc(hidden)]
            #[must_use]
            pub fn confidence(self, confidence: $crate::measure::Confidence) -> Self {
                <Self as $crate::measure::Statistic>::confidence(self, confidence)
            }
            #[doc(hidden)]
            #[must_use]
            pub fn output(self, output: $crate::measure::OutputType) -> Self {
                <Self as $crate::measure::Statistic>::output(self, output)
            }
            #[doc(hidden)]
            pub fn compute(
                &self,
                data: impl $crate::input::IntoFrame,
            ) -> $crate::error::Result<polars::prelude::DataFrame> {
                <Self as $crate::measure::Statistic>::compute(self, data)
            }
        }
    )*};
}

/// The same for the families of records and [`crate::CareOptions`].
macro_rules! care_methods {
    ($($type:ty),* $(,)?) => {$(
        impl $type {
            #[doc(hidden)]
            #[must_use]
            pub fn by(self, columns: impl $crate::measure::IntoColumns) -> Self {
                <Self as $crate::care::CareOptions>::by(self, columns)
            }
            #[doc(hidden)]
            #[must_use]
            pub fn invalid(self, invalid: $crate::care::InvalidRecords) -> Self {
                <Self as $crate::care::CareOptions>::invalid(self, invalid)
            }
            #[doc(hidden)]
            #[must_use]
            pub fn exclude_invalid(self) -> Self {
                <Self as $crate::care::CareOptions>::exclude_invalid(self)
            }
            #[doc(hidden)]
            #[must_use]
            pub fn confidence(self, confidence: $crate::measure::Confidence) -> Self {
                <Self as $crate::care::CareOptions>::confidence(self, confidence)
            }
        }
    )*};
}

pub(crate) use {care_methods, setters, statistic_methods};
