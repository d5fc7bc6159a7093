//! What every operation of the service has in common: the [`Operation`] trait that describes
//! how to call it over the AWS JSON protocol, pagination, and the empty body of operations
//! without input or output.
//!
//! The generated operation types live in [`crate::operations`]; this module is the same for
//! every service.

use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::error::OperationError;
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

/// One operation of the service: its name, types, and what the protocol needs to call it.
///
/// A request is `POST /` with the headers `Content-Type: <SERVICE.content_type>` and
/// `X-Amz-Target: <TARGET>`, and the input serialized as JSON in the body. A response with a
/// 2xx status reads with [`Operation::read_output`]; any other with
/// [`crate::error::parse_error`].
pub trait Operation {
    /// The operation's name, e.g. `InitiateAuth`.
    const NAME: &'static str;
    /// The `X-Amz-Target` header, e.g. `AWSCognitoIdentityProviderService.InitiateAuth`.
    const TARGET: &'static str;
    /// How the request is authenticated.
    const AUTH: Auth;
    /// The request body.
    type Input: Serialize + DeserializeOwned;
    /// The response body.
    type Output: Serialize + DeserializeOwned;
    /// The errors the operation can return.
    type Error: OperationError;

    /// Writes the request body.
    fn write_input(input: &Self::Input) -> Result<Vec<u8>, serde_json::Error> {
        serde_json::to_vec(input)
    }

    /// Reads a successful response body; an empty body reads as `{}`.
    fn read_output(body: &[u8]) -> Result<Self::Output, serde_json::Error> {
        if body.iter().all(u8::is_ascii_whitespace) {
            return serde_json::from_str("{}");
        }
        // Checking UTF-8 once up front is faster than string by string; a body that is not
        // UTF-8 goes through `from_slice`, whose error says where.
        match std::str::from_utf8(body) {
            Ok(text) => serde_json::from_str(text),
            Err(_) => serde_json::from_slice(body),
        }
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
