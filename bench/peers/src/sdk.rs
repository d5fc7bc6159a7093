//! The official SDK's response deserializer, called on raw bytes.
//!
//! `aws-sdk-cognitoidentityprovider` keeps its deserializers private; what is public is each
//! operation's `RuntimePlugin` (`ListUsers::new().config()`), whose config layer holds the
//! operation's `SharedResponseDeserializer`. Since 1.14x the SDK's deserializers are
//! schema-driven and take the protocol from the config bag: the service's runtime plugin puts
//! `AwsJsonRpcProtocol::aws_json_1_1()` (namespace `com.amazonaws.cognitoidentityprovider`)
//! there, and so does [`Sdk::new`]. A call is then exactly what the SDK's orchestrator runs once
//! the HTTP body has been read: `deserialize_nonstreaming_with_config` on an `HttpResponse`
//! (status 200, the awsJson1_1 content type, the body), then the downcast of the type-erased
//! output. No client, no I/O, no retries or interceptors are measured.

use aws_sdk_cognitoidentityprovider::operation::admin_get_user::{AdminGetUser, AdminGetUserOutput};
use aws_sdk_cognitoidentityprovider::operation::list_users::{ListUsers, ListUsersOutput};
use aws_smithy_json::protocol::aws_json_rpc::AwsJsonRpcProtocol;
use aws_smithy_runtime_api::client::orchestrator::HttpResponse;
use aws_smithy_runtime_api::client::runtime_plugin::RuntimePlugin;
use aws_smithy_runtime_api::client::ser_de::{DeserializeResponse, SharedResponseDeserializer};
use aws_smithy_runtime_api::http::StatusCode;
use aws_smithy_schema::protocol::SharedClientProtocol;
use aws_smithy_types::body::SdkBody;
use aws_smithy_types::config_bag::{ConfigBag, FrozenLayer, Layer};

/// The SDK's deserializers of `ListUsers` and `AdminGetUser`, with the config they need.
pub struct Sdk {
    /// The operations' config layers, which hold their deserializers.
    list_users: FrozenLayer,
    admin_get_user: FrozenLayer,
    config: ConfigBag,
}

/// The response deserializer in an operation's config layer (the orchestrator looks it up the
/// same way, in the config bag).
fn deserializer(layer: &FrozenLayer) -> &SharedResponseDeserializer {
    layer.load::<SharedResponseDeserializer>().expect("the operation's response deserializer")
}

impl Sdk {
    pub fn new() -> Sdk {
        let mut protocol = Layer::new("AWSCognitoIdentityProviderService");
        protocol.store_put(SharedClientProtocol::new(
            AwsJsonRpcProtocol::aws_json_1_1().with_default_namespace("com.amazonaws.cognitoidentityprovider"),
        ));
        Sdk {
            list_users: ListUsers::new().config().expect("the operation's config layer"),
            admin_get_user: AdminGetUser::new().config().expect("the operation's config layer"),
            config: ConfigBag::of_layers(vec![protocol]),
        }
    }

    pub fn list_users(&self, response: &HttpResponse) -> ListUsersOutput {
        let output = deserializer(&self.list_users)
            .deserialize_nonstreaming_with_config(response, &self.config)
            .unwrap_or_else(|e| panic!("the SDK cannot read the body: {e:?}"));
        output.downcast::<ListUsersOutput>().expect("a ListUsersOutput")
    }

    pub fn admin_get_user(&self, response: &HttpResponse) -> AdminGetUserOutput {
        let output = deserializer(&self.admin_get_user)
            .deserialize_nonstreaming_with_config(response, &self.config)
            .unwrap_or_else(|e| panic!("the SDK cannot read the body: {e:?}"));
        output.downcast::<AdminGetUserOutput>().expect("an AdminGetUserOutput")
    }
}

/// A 200 response with the body, as the SDK's HTTP layer hands it to the deserializer.
pub fn response(body: &[u8]) -> HttpResponse {
    let mut response = HttpResponse::new(StatusCode::try_from(200).expect("200"), SdkBody::from(body.to_vec()));
    response.headers_mut().insert("content-type", "application/x-amz-json-1.1");
    response
}
