//! The service record: every fact about the service that the crate states (names, protocol,
//! endpoint and signing metadata), decided once.

use smithy_model::{Protocol, Shape, ShapeKind};

use crate::error::Error;
use crate::naming;

/// The service's protocol: the first JSON protocol trait it carries (see
/// [`smithy_model::Protocol`]'s order).
fn protocol_of(service: &Shape) -> Result<Protocol, Error> {
    service.traits.protocols.as_ref().and_then(|p| p.first().copied()).ok_or_else(|| {
        Error::unsupported(
            service.id.to_string(),
            "the service has no JSON protocol trait (awsJson1_0, awsJson1_1 or restJson1); only JSON protocols are supported",
        )
    })
}

/// The service, as the generated crate describes it.
#[derive(Debug)]
pub struct ServiceDef {
    /// The service shape.
    pub shape: smithy_model::ShapeId,
    /// `smithy.api#title`, or the shape's name.
    pub title: String,
    /// The `aws.api#service` `sdkId`, or the shape's name.
    pub sdk_id: String,
    /// The API version.
    pub version: String,
    /// The `aws.api#service` `endpointPrefix`, or the `sdk_id` in lowercase with `-` for spaces.
    pub endpoint_prefix: String,
    /// The `aws.auth#sigv4` signing name, or the endpoint prefix.
    pub signing_name: String,
    /// The prefix of every `X-Amz-Target` header: the service shape's name.
    pub target_prefix: String,
    /// The protocol.
    pub protocol: Protocol,
    /// The Cargo package name of the crate: `<sdk-id>-types`.
    pub package_name: String,
    /// The crate's library name (the package name with `_` for `-`).
    pub library_name: String,
    /// The model's documentation of the service (HTML).
    pub docs: Option<String>,
    /// `aws.protocols#awsQueryCompatible`: requests say `x-amzn-query-mode: true`, and error
    /// responses carry the awsQuery error code in `x-amzn-query-error`.
    pub query_compatible: bool,
}

impl ServiceDef {
    /// The record of a service shape.
    pub fn of(service: &Shape) -> Result<ServiceDef, Error> {
        let protocol = protocol_of(service)?;
        let aws = service.traits.aws_service.clone().unwrap_or_default();
        let sdk_id = aws.sdk_id.unwrap_or_else(|| service.id.name().to_owned());
        let endpoint_prefix = aws.endpoint_prefix.unwrap_or_else(|| sdk_id.to_lowercase().replace(' ', "-"));
        let signing_name = service.traits.sigv4.clone().unwrap_or_else(|| endpoint_prefix.clone());
        let version = match &service.kind {
            ShapeKind::Service(svc) => svc.version.clone(),
            _ => String::new(),
        };
        let title = service.traits.title.as_deref().unwrap_or(service.id.name());
        let package_name = naming::package_name(&sdk_id);
        Ok(ServiceDef {
            shape: service.id.clone(),
            title: title.to_owned(),
            library_name: package_name.replace('-', "_"),
            package_name,
            sdk_id,
            version,
            endpoint_prefix,
            signing_name,
            target_prefix: service.id.name().to_owned(),
            protocol,
            docs: service.traits.documentation.clone(),
            query_compatible: service.traits.aws_query_compatible,
        })
    }

    /// The `X-Amz-Target` header of an operation.
    pub fn target(&self, operation_name: &str) -> String {
        format!("{}.{operation_name}", self.target_prefix)
    }
}
