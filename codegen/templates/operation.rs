//! What every operation of the service has in common: the [`Operation`] trait that turns its
//! input into an HTTP request and a response into its output or error, pagination, and the
//! empty value of operations without input or output.
//!
//! The generated operation types live in [`crate::operations`]; this module is the same for
//! every service.

use crate::error::{OperationError, RequestError};
pub use crate::wire::Empty;

/// How a request must be authenticated.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Auth {
    /// Signed with AWS Signature Version 4.
    SigV4,
    /// Signing is optional (`@optionalAuth`): the operation also works unsigned.
    SigV4Optional,
    /// Never signed (`@auth([])`): the request carries its own credentials, such as a token.
    None,
}

/// Facts about the service that a client needs to reach it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ServiceMetadata {
    /// The service's SDK identifier, e.g. `Cognito Identity Provider`.
    pub sdk_id: &'static str,
    /// The API version, e.g. `2016-04-18`.
    pub version: &'static str,
    /// The endpoint prefix, e.g. `cognito-idp` (`cognito-idp.us-east-1.amazonaws.com`).
    pub endpoint_prefix: &'static str,
    /// The SigV4 signing name.
    pub signing_name: &'static str,
    /// The protocol, e.g. `awsJson1_1`.
    pub protocol: &'static str,
    /// The `Content-Type` of requests and responses.
    pub content_type: &'static str,
    /// Whether the service moved from the awsQuery protocol and keeps its old error codes
    /// (`aws.protocols#awsQueryCompatible`): requests then carry `x-amzn-query-mode: true`, and
    /// [`protocol::query_error`](crate::protocol::query_error) reads the old code of an error.
    pub query_compatible: bool,
}

/// An operation, described as data (for tools, tests and generic clients); the crate lists all
/// of them in `operations::OPERATIONS`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OperationInfo {
    /// The operation's name.
    pub name: &'static str,
    /// The `X-Amz-Target` header.
    pub target: &'static str,
    /// The input type's name (`Empty` for none).
    pub input: &'static str,
    /// The output type's name (`Empty` for none).
    pub output: &'static str,
    /// The names of the modeled errors.
    pub errors: &'static [&'static str],
    /// How requests are authenticated.
    pub auth: Auth,
    /// Whether the operation is paginated.
    pub paginated: bool,
}

/// One operation of the service: its name, its types, and its HTTP messages.
///
/// [`write_request`](Operation::write_request) builds the whole request a client sends, and
/// [`read_response`](Operation::read_response) reads whatever comes back: the output for a
/// 2xx status, else the operation's typed error. A client adds what only it knows — the
/// endpoint's scheme and host (with [`host_prefix`](Operation::host_prefix) before it), a
/// signature — and sends the message with any HTTP library that speaks the `http` crate's
/// types.
pub trait Operation {
    /// The operation's name, e.g. `InitiateAuth`.
    const NAME: &'static str;
    /// How the request is authenticated.
    const AUTH: Auth;
    /// The input.
    type Input;
    /// The output.
    type Output;
    /// The errors the operation can return.
    type Error: OperationError;

    /// The request for `input`: method, URI (path and query, relative to the endpoint), every
    /// header the protocol requires (`Content-Length` included), and the body as it is sent.
    fn write_request(input: &Self::Input) -> Result<http::Request<Vec<u8>>, RequestError>;

    /// Reads a response: a 2xx status gives the output, any other the operation's error (an
    /// error the model does not know, or a body that cannot be read, is
    /// [`Unhandled`](crate::error::UnhandledError)).
    fn read_response<B: AsRef<[u8]>>(response: &http::Response<B>) -> Result<Self::Output, Self::Error>;

    /// What goes before the endpoint's host for this request (`@endpoint`), with the input's
    /// `@hostLabel` members filled in: `foo.example.com` for the prefix `foo.` and the host
    /// `example.com`. `None` for most operations.
    fn host_prefix(input: &Self::Input) -> Result<Option<String>, RequestError> {
        let _ = input;
        Ok(None)
    }
}

/// A paginated operation (`@paginated`): how to get from one page to the next.
pub trait Paginated: Operation {
    /// The input member that carries the continuation token.
    const INPUT_TOKEN: &'static str;
    /// The output member that carries the next token.
    const OUTPUT_TOKEN: &'static str;
    /// The input member that limits the page size, if any.
    const PAGE_SIZE: Option<&'static str>;

    /// The input of the next page, or `None` after the last page (no token, an empty token, or
    /// the token that was just sent).
    fn next_input(input: &Self::Input, output: &Self::Output) -> Option<Self::Input>;
}

/// A paginated operation whose pages hold a list of items.
pub trait PaginatedItems: Paginated {
    /// The type of an item.
    type Item;
    /// The output member that holds the page's items.
    const ITEMS: &'static str;

    /// The items of one page.
    fn items(output: &Self::Output) -> &[Self::Item];
}

/// Walks every page of a paginated operation with any transport: `send` performs one call,
/// and [`Paginated::next_input`] decides what to ask next and when to stop.
///
/// ```
/// use __crate__::operation::{paginate, Paginated};
///
/// /// Counts the pages of any paginated operation, answering from memory.
/// fn count_pages<O: Paginated>(first: O::Input, pages: Vec<O::Output>) -> usize {
///     let mut pages = pages.into_iter();
///     paginate::<O, &str>(first, |_request| pages.next().ok_or("no more pages")).count()
/// }
/// ```
pub fn paginate<O, E>(
    first: O::Input,
    send: impl FnMut(&O::Input) -> Result<O::Output, E>,
) -> impl Iterator<Item = Result<O::Output, E>>
where
    O: Paginated,
{
    Pages::<O, _> { next: Some(first), send }
}

struct Pages<O: Operation, F> {
    next: Option<O::Input>,
    send: F,
}

impl<O, E, F> Iterator for Pages<O, F>
where
    O: Paginated,
    F: FnMut(&O::Input) -> Result<O::Output, E>,
{
    type Item = Result<O::Output, E>;

    fn next(&mut self) -> Option<Self::Item> {
        let input = self.next.take()?;
        let result = (self.send)(&input);
        if let Ok(output) = &result {
            self.next = O::next_input(&input, output);
        }
        Some(result)
    }
}

/// The `Operation` implementation of an awsJson operation whose request is exactly its input
/// (no idempotency token to fill in, no compression, no host prefix): `POST /` with
/// `X-Amz-Target: <target>`, read back with the protocol's rules. Generated code uses it for
/// most operations; the macro is exported (and hidden from the docs) to be usable from any
/// module.
#[doc(hidden)]
#[macro_export]
macro_rules! aws_json_operation {
    ($name:ident {
        name: $operation:literal,
        target: $target:literal,
        auth: $auth:ident,
        input: $input:ty,
        output: $output:ty,
        error: $error:ident $(,)?
    }) => {
        impl $crate::operation::Operation for $name {
            const NAME: &'static str = $operation;
            const AUTH: $crate::operation::Auth = $crate::operation::Auth::$auth;
            type Input = $input;
            type Output = $output;
            type Error = $error;

            #[inline]
            fn write_request(
                input: &Self::Input,
            ) -> ::core::result::Result<::http::Request<::std::vec::Vec<u8>>, $crate::error::RequestError> {
                $crate::protocol::aws_json_request($target, input)
            }

            fn read_response<B: ::core::convert::AsRef<[u8]>>(
                response: &::http::Response<B>,
            ) -> ::core::result::Result<Self::Output, Self::Error> {
                $crate::protocol::aws_json_response(response)
            }
        }
    };
}
