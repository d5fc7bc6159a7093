//! Errors on the wire: what every modeled error type has in common, and how an error response
//! of the AWS JSON protocols is read.
//!
//! An error response names its error in the `X-Amzn-Errortype` header, or in the body's
//! `code` or `__type` field (in that order). The name may carry a namespace (`aws.cognito#UserNotFoundException`)
//! or a suffix (`UserNotFoundException:http://internal.amazon.com/...`); [`sanitize_code`]
//! reduces it to the shape name. The message is the body's `message` or `Message`.

use std::fmt;

use crate::json;

/// Who caused an error.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Fault {
    /// The request was wrong; retrying it unchanged fails again (unless it is retryable).
    Client,
    /// The service failed.
    Server,
}

/// How an error may be retried (`@retryable`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Retry {
    /// Whether the error is throttling: retry after backing off.
    pub throttling: bool,
}

/// What the model says about an error structure.
pub trait ErrorShape: std::error::Error {
    /// The error's code on the wire: its shape name.
    const CODE: &'static str;
    /// Who is at fault.
    const FAULT: Fault;
    /// The modeled HTTP status (`@httpError`, or 400 for client and 500 for server faults).
    const HTTP_STATUS: u16;
    /// `Some` when the model marks the error `@retryable`.
    const RETRY: Option<Retry>;

    /// The error's message, if it has one.
    fn message(&self) -> Option<&str> {
        None
    }

    /// Reads the error from a response's headers and body: the body is its JSON (an empty body
    /// reads as `{}`); an error with members bound to headers reads those too.
    #[cfg(feature = "http")]
    fn read(headers: &http::HeaderMap, body: &[u8]) -> Result<Self, ReadError>
    where
        Self: crate::wire::Json,
    {
        let _ = headers;
        crate::wire::from_json(body).map_err(ReadError::from)
    }
}

/// The errors of one operation (or of the whole service): modeled errors plus a fallback.
#[cfg(feature = "http")]
pub trait OperationError: Sized + std::error::Error {
    /// Reads the modeled error `code` from a response's headers and body; `None` when the code
    /// is not one of this operation's errors.
    fn from_code(code: &str, headers: &http::HeaderMap, body: &[u8]) -> Option<Result<Self, ReadError>>;

    /// An error that the model does not know (yet), or that could not be read.
    fn unhandled(error: UnhandledError) -> Self;
}

/// An error response that is not one of the modeled errors, kept whole.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnhandledError {
    /// The HTTP status.
    pub status: u16,
    /// The sanitized error code, when the response named one.
    pub code: Option<String>,
    /// The message, when the body had one.
    pub message: Option<String>,
    /// The raw body.
    pub body: Vec<u8>,
}

impl fmt::Display for UnhandledError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (HTTP {})", self.code.as_deref().unwrap_or("unknown error"), self.status)?;
        if let Some(message) = &self.message {
            write!(f, ": {message}")?;
        }
        Ok(())
    }
}

impl std::error::Error for UnhandledError {}

/// Reduces a wire error code to a shape name: keeps what is before the first `:`, then what is
/// after the first `#`.
pub fn sanitize_code(code: &str) -> &str {
    let code = code.split(':').next().unwrap_or(code);
    let code = code.split_once('#').map_or(code, |(_, name)| name);
    code.trim()
}

/// The code and message of an error response, from its headers and body.
#[cfg(feature = "http")]
pub fn error_code_and_message(headers: &http::HeaderMap, body: &[u8]) -> (Option<String>, Option<String>) {
    let header = headers.get("x-amzn-errortype").and_then(|value| value.to_str().ok()).map(str::to_owned);
    let body = ErrorBody::read(body).unwrap_or_default();
    let code = header.or(body.code).or(body.type_).map(|c| sanitize_code(&c).to_owned()).filter(|c| !c.is_empty());
    (code, body.message.or(body.message_upper))
}

/// What an error body says about the error, besides its members.
#[cfg(feature = "http")]
#[derive(Default)]
struct ErrorBody {
    type_: Option<String>,
    code: Option<String>,
    message: Option<String>,
    message_upper: Option<String>,
}

#[cfg(feature = "http")]
impl ErrorBody {
    const FIELDS: json::Fields<'static> = json::Fields::new(&["__type", "code", "message", "Message"]);

    /// Reads the body's string members `__type`, `code`, `message` and `Message`; a body that is
    /// not a JSON object is an error.
    fn read(body: &[u8]) -> Result<ErrorBody, json::Error> {
        let mut out = ErrorBody::default();
        let mut r = json::Reader::new(body)?;
        let mut object = r.object()?;
        while let Some(field) = r.next_field(&mut object, &Self::FIELDS)? {
            let slot = match field {
                json::Field::Known(0) => &mut out.type_,
                json::Field::Known(1) => &mut out.code,
                json::Field::Known(2) => &mut out.message,
                json::Field::Known(3) => &mut out.message_upper,
                _ => {
                    r.skip()?;
                    continue;
                }
            };
            *slot = if r.peek()? == json::Kind::String { Some(r.string()?) } else { r.skip().map(|()| None)? };
        }
        r.finish()?;
        Ok(out)
    }
}

/// Reads an error response (status, headers, body) into an operation's error type: a modeled
/// error when the code is one of `E`'s and its body reads, [`OperationError::unhandled`]
/// otherwise (unknown code, no code, empty or non-JSON body).
#[cfg(feature = "http")]
pub fn parse_error<E: OperationError>(status: u16, headers: &http::HeaderMap, body: &[u8]) -> E {
    let (code, message) = error_code_and_message(headers, body);
    if let Some(code) = &code {
        if let Some(Ok(error)) = E::from_code(code, headers, body) {
            return error;
        }
    }
    E::unhandled(UnhandledError { status, code, message, body: body.to_vec() })
}

/// An error enum (see `operation_errors!`): which variant a value is, and the error it holds.
#[cfg(feature = "http")]
pub trait ErrorVariant {
    /// The variant's name (`UserNotFoundException`, or `Unhandled`) and its error.
    fn variant(&self) -> (&'static str, &(dyn std::error::Error + 'static));
}

/// `Debug` of an error enum, as `#[derive(Debug)]` writes it: `Variant(error)`.
#[cfg(feature = "http")]
#[doc(hidden)]
pub fn debug_variant(error: &impl ErrorVariant, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    let (name, error) = error.variant();
    f.debug_tuple(name).field(error).finish()
}

/// A response that could not be read: a body that is not what the model says, or a header
/// that does not hold a value of its member's type.
#[derive(Debug)]
pub struct ReadError {
    message: String,
}

impl ReadError {
    /// An error with a message.
    pub fn new(message: impl Into<String>) -> Self {
        ReadError { message: message.into() }
    }
}

impl From<json::Error> for ReadError {
    fn from(error: json::Error) -> Self {
        ReadError::new(error.to_string())
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ReadError {}

/// A request that could not be built from its input.
#[derive(Debug)]
pub struct RequestError {
    message: String,
    source: Option<Box<dyn std::error::Error + Send + Sync>>,
}

impl RequestError {
    /// An error with a message and the error that caused it.
    pub fn new(message: impl Into<String>, source: impl Into<Box<dyn std::error::Error + Send + Sync>>) -> Self {
        RequestError { message: message.into(), source: Some(source.into()) }
    }

    /// An error with a message only.
    pub fn message(message: impl Into<String>) -> Self {
        RequestError { message: message.into(), source: None }
    }
}

impl fmt::Display for RequestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)?;
        if let Some(source) = &self.source {
            write!(f, ": {source}")?;
        }
        Ok(())
    }
}

impl std::error::Error for RequestError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source.as_deref().map(|e| e as &(dyn std::error::Error + 'static))
    }
}

/// `Display`, `std::error::Error` and [`ErrorShape`] for an `@error` structure, from what the
/// model says about it: its code, fault, status, retry, the member that holds its message (a
/// `String` or an `Option<String>`), and for an error with members bound to headers the `read`
/// function that reads them.
///
/// ```text
/// error_shape! {
///     Name {
///         code: "Name",
///         fault: Client,
///         status: 400,
///         retry: None,
///         message: message,
///     }
/// }
/// ```
#[doc(hidden)]
#[macro_export]
macro_rules! error_shape {
    (
        $name:ident {
            code: $code:literal,
            fault: $fault:ident,
            status: $status:literal,
            retry: $retry:expr,
            $(message: $message:ident,)?
        }
        $(fn read $($read:tt)*)?
    ) => {
        impl ::core::fmt::Display for $name {
            #[inline]
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str($code)?;
                if let ::core::option::Option::Some(message) = $crate::error::ErrorShape::message(self) {
                    ::core::write!(f, ": {message}")?;
                }
                ::core::result::Result::Ok(())
            }
        }

        impl ::std::error::Error for $name {}

        impl $crate::error::ErrorShape for $name {
            const CODE: &'static str = $code;
            const FAULT: $crate::error::Fault = $crate::error::Fault::$fault;
            const HTTP_STATUS: u16 = $status;
            const RETRY: ::core::option::Option<$crate::error::Retry> = $retry;

            $(
                #[inline]
                fn message(&self) -> ::core::option::Option<&str> {
                    ::core::option::Option::<&::std::string::String>::from(&self.$message).map(|m| m.as_str())
                }
            )?

            $(
                #[cfg(feature = "http")]
                #[inline]
                fn read $($read)*
            )?
        }
    };
}

/// The error enum of an operation (`ListUsersError of ListUsers { ... } => ServiceError`) or of
/// the whole service (`service ServiceError { ... }`): one variant per modeled error, boxed
/// so that the enum stays small however many members an error has, and `Unhandled`; with
/// `Debug`, `Display`, `std::error::Error` and [`OperationError`].
///
/// The service's enum is the one place that reads every error code; an operation's enum reads
/// the codes it lists through it (any other code is `None`, and so `Unhandled`), and converts
/// into it.
/// One match per enum ([`ErrorVariant`]) carries `Debug`, `Display` and `source`. Generated
/// code names its errors with it; the macro is exported (and hidden from the docs) so that it
/// can be used from any module.
#[doc(hidden)]
#[macro_export]
macro_rules! operation_errors {
    ($name:ident of $operation:ident { $($variant:ident),* $(,)? } => $service:ident) => {
        $crate::operation_errors!(
            #[doc = concat!("The errors of [`", stringify!($operation), "`].")]
            $name { $($variant),* }
        );

        #[allow(deprecated)]
        impl $crate::error::OperationError for $name {
            #[inline]
            fn from_code(
                code: &str,
                headers: &::http::HeaderMap,
                body: &[u8],
            ) -> ::core::option::Option<::core::result::Result<Self, $crate::error::ReadError>> {
                // Only this operation's errors are read; the service's enum reads them.
                let codes: &[&str] = &[$(<$crate::$variant as $crate::error::ErrorShape>::CODE),*];
                if !codes.contains(&code) {
                    return ::core::option::Option::None;
                }
                let error = match <$crate::operations::$service as $crate::error::OperationError>::from_code(code, headers, body)? {
                    ::core::result::Result::Ok(error) => error,
                    ::core::result::Result::Err(error) => return ::core::option::Option::Some(::core::result::Result::Err(error)),
                };
                // The code is one of this operation's, so the service's enum read one of its variants.
                match error {
                    $($crate::operations::$service::$variant(e) => ::core::option::Option::Some(::core::result::Result::Ok(Self::$variant(e))),)*
                    _ => ::core::option::Option::None,
                }
            }

            #[inline]
            fn unhandled(error: $crate::error::UnhandledError) -> Self {
                Self::Unhandled(error)
            }
        }

        #[allow(deprecated)]
        impl ::core::convert::From<$name> for $crate::operations::$service {
            #[inline]
            fn from(error: $name) -> Self {
                match error {
                    $($name::$variant(e) => Self::$variant(e),)*
                    $name::Unhandled(e) => Self::Unhandled(e),
                }
            }
        }
    };
    (service $name:ident { $($variant:ident),* $(,)? }) => {
        $crate::operation_errors!(
            /// Any error of the service: every operation's error converts into it.
            $name { $($variant),* }
        );

        #[allow(deprecated)]
        impl $crate::error::OperationError for $name {
            fn from_code(
                code: &str,
                headers: &::http::HeaderMap,
                body: &[u8],
            ) -> ::core::option::Option<::core::result::Result<Self, $crate::error::ReadError>> {
                $(
                    if code == <$crate::$variant as $crate::error::ErrorShape>::CODE {
                        let error = <$crate::$variant as $crate::error::ErrorShape>::read(headers, body);
                        return ::core::option::Option::Some(error.map(|e| Self::$variant(::std::boxed::Box::new(e))));
                    }
                )*
                let _ = (code, headers, body);
                ::core::option::Option::None
            }

            #[inline]
            fn unhandled(error: $crate::error::UnhandledError) -> Self {
                Self::Unhandled(error)
            }
        }
    };
    // The model may still list an error it has deprecated: the enum names it all the same (a
    // user who names the error's type still gets the warning), hence `allow(deprecated)`.
    ($(#[$doc:meta])* $name:ident { $($variant:ident),* $(,)? }) => {
        $(#[$doc])*
        #[allow(deprecated)]
        #[derive(Clone, PartialEq)]
        #[non_exhaustive]
        pub enum $name {
            $(
                #[doc = concat!("[`", stringify!($variant), "`](crate::", stringify!($variant), ").")]
                $variant(::std::boxed::Box<$crate::$variant>),
            )*
            /// An error the model does not know, or whose body could not be read.
            Unhandled($crate::error::UnhandledError),
        }

        #[allow(deprecated)]
        impl $crate::error::ErrorVariant for $name {
            #[inline]
            fn variant(&self) -> (&'static str, &(dyn ::std::error::Error + 'static)) {
                match self {
                    $(Self::$variant(e) => (stringify!($variant), &**e),)*
                    Self::Unhandled(e) => ("Unhandled", e),
                }
            }
        }

        impl ::core::fmt::Debug for $name {
            #[inline]
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                $crate::error::debug_variant(self, f)
            }
        }

        impl ::core::fmt::Display for $name {
            #[inline]
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                ::core::fmt::Display::fmt($crate::error::ErrorVariant::variant(self).1, f)
            }
        }

        impl ::std::error::Error for $name {
            #[inline]
            fn source(&self) -> ::core::option::Option<&(dyn ::std::error::Error + 'static)> {
                ::core::option::Option::Some($crate::error::ErrorVariant::variant(self).1)
            }
        }
    };
}
