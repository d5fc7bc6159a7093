//! What every operation of the service has in common: the [`Operation`] trait that describes
//! how to call it over the AWS JSON protocol, pagination, and the empty body of operations
//! without input or output.
//!
//! The generated operation types live in [`crate::operations`]; this module is the same for
//! every service.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::OperationError;

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
        serde_json::from_slice(if body.iter().all(u8::is_ascii_whitespace) { b"{}" } else { body })
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

/// Walks every page of a paginated operation with any transport: `send` performs one call.
///
/// ```
/// # use cognito_identity_provider_types as types;
/// use types::operation::{paginate, PaginatedItems};
/// use types::operations::ListUsers;
/// use types::{ListUsersRequest, ListUsersResponse, UserType};
///
/// let mut pages = vec![
///     ListUsersResponse { users: Some(vec![UserType::default()]), pagination_token: Some("2".into()) },
///     ListUsersResponse { users: Some(vec![UserType::default()]), pagination_token: None },
/// ]
/// .into_iter();
/// let first = ListUsersRequest { user_pool_id: "us-east-1_EXAMPLE".into(), ..Default::default() };
/// let mut seen = 0;
/// for page in paginate::<ListUsers, ()>(first, |_request| Ok(pages.next().unwrap())) {
///     seen += ListUsers::items(&page.unwrap()).len();
/// }
/// assert_eq!(seen, 2);
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

/// The body of an operation without input or output (`smithy.api#Unit`): writes `{}`, reads
/// any object (and, through [`Operation::read_output`], an empty body).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Empty;

impl Serialize for Empty {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_map(Some(0)).and_then(serde::ser::SerializeMap::end)
    }
}

impl<'de> Deserialize<'de> for Empty {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        serde::de::IgnoredAny::deserialize(deserializer).map(|_| Empty)
    }
}
