//! The generated EKS types (`generated/eks`, restJson1) on the wire, against the moto server,
//! which serves EKS without containers. A module of `moto.rs`: it uses the same server and the
//! same client as the Cognito scenarios, which run beside these (moto keeps each service's
//! resources apart, and each scenario here has a region of its own, none of them Cognito's).
//!
//! Every request is `write_request`'s (method, path with percent-encoded labels, query, JSON
//! body), with the endpoint put in front of its URI and a SigV4 signature for the signing name
//! of `operations::SERVICE`; every response goes through `read_response`, and the body of every
//! successful one must equal the output written back, less the members that the HTTP bindings
//! put elsewhere. (EKS binds none of its output members to headers or the status code, and
//! renames none with `@jsonName`: each body is its output's serde form.)
//!
//! # What moto does differently from the model
//!
//! Seen with moto 5.2.5; the scenarios assert each point they meet.
//!
//! - **Values that break the model's constraints.** A cluster created without tags comes back
//!   with `"tags": {}`, which `TagMap`'s `@length(min: 1)` does not allow (EKS leaves the
//!   member out): the output reads, and `validate()` reports `tags`.
//! - **Members left out.** `resourcesVpcConfig` comes back exactly as the request sent it, so
//!   a request without `endpointPublicAccess` and `endpointPrivateAccess` gets a response
//!   without them (EKS always sends both, public access `true` by default). They are
//!   `Boolean`s with the model default `false`, which the types fill in and write back:
//!   [`ALLOWED`] lists these two members of `CreateCluster`, the only differences between a
//!   response and its parsed value written back. No response had a member the model does
//!   not know.
//! - **Defaults filled in.** A cluster created without `version`, `kubernetesNetworkConfig`
//!   or `logging` gets Kubernetes `1.19`, `serviceIpv4Cidr` `172.20.0.0/16` and every log type
//!   disabled; there is no VPC id or cluster security group, and the endpoint and certificate
//!   are random text.
//! - **Errors.** The code is only in the `X-Amzn-ErrorType` header; the body has no `__type`
//!   and holds the error's members, those without a value as `null` (`"clusterName": null`),
//!   which read as absent. The statuses are the model's (`ResourceNotFoundException` 404,
//!   `ResourceInUseException` 409, `InvalidParameterException` 400).
//! - **Tags of an unknown ARN.** `TagResource` answers an ARN of no cluster with
//!   `ResourceNotFoundException`, which it does not model (EKS sends `NotFoundException`): it
//!   reads as `Unhandled`, with its code, status and message.
//! - **Repeated query parameters.** `UntagResource` sends one `tagKeys=` per key, as
//!   restJson1 says; moto reads only the first and removes one tag.
//! - **Pagination tokens.** `nextToken` is the name of the first cluster of the next page, and
//!   a token that names no cluster is an HTTP 500 with an HTML body (EKS answers an invalid
//!   token with `InvalidParameterException`): it reads as `Unhandled`, status 500, no code.
//! - **Nothing lenient reading had to absorb** beyond the `null`s of error bodies: no unknown
//!   enum values, and timestamps as epoch seconds with milliseconds.

use std::collections::{BTreeSet, HashMap};
use std::time::Duration;

use eks::error::ErrorShape;
use eks::operation::{paginate, PaginatedItems};
use eks::operations as ops;
use eks::validate::Validate;
use eks::*;
use eks_types as eks;
use time::OffsetDateTime;

use crate::client::{self, output_bodies, Allowed, Client, Difference, OutputBody, PayloadKind, Service};
use crate::server;

include!("../../../xtask/fuzz/src/eks_operations.rs");

macro_rules! eks_client_operations {
    ($($op:ident)*) => { client::generated_operations!(eks_types; $($op)*); };
}
eks_operations!(eks_client_operations);

/// The members that differ between a moto response and its parsed value written back; each is
/// explained at the top of this file. Any other difference fails the call that saw it.
const ALLOWED: &[Allowed] = &[
    Allowed { path: "CreateCluster: cluster.resourcesVpcConfig.endpointPublicAccess", difference: Difference::Filled },
    Allowed { path: "CreateCluster: cluster.resourcesVpcConfig.endpointPrivateAccess", difference: Difference::Filled },
];

const MODEL: &str = "model/aws/eks-2017-11-01.json";

/// The account moto puts in every ARN.
const ACCOUNT: &str = "123456789012";

/// A client signing for EKS in `region`; each scenario has a region of its own, so that
/// `ListClusters` sees only its clusters.
fn client(region: &'static str) -> Client {
    let service = Service { signing_name: ops::SERVICE.signing_name, region, model: MODEL };
    Client::new(server::shared().endpoint(), service, ALLOWED)
}

/// A cluster request with what EKS requires: a name, a role and the VPC's subnets.
fn cluster_request(name: &str) -> CreateClusterRequest {
    let vpc = VpcConfigRequest::default()
        .with_subnet_ids(vec!["subnet-0a1b2c3d".to_owned(), "subnet-4e5f6a7b".to_owned()])
        .with_security_group_ids(vec!["sg-0123456789abcdef0".to_owned()])
        .with_endpoint_public_access(true)
        .with_endpoint_private_access(false);
    CreateClusterRequest::new(name, format!("arn:aws:iam::{ACCOUNT}:role/eks-live"), vpc)
}

fn create_cluster(client: &Client, request: &CreateClusterRequest) -> Cluster {
    client.call::<ops::CreateCluster>(request).unwrap().cluster.expect("a cluster")
}

#[track_caller]
fn assert_recent(at: Option<OffsetDateTime>) {
    let at = at.expect("a timestamp");
    let now = OffsetDateTime::now_utc();
    assert!(
        at <= now + Duration::from_secs(5) && at >= now - Duration::from_secs(600),
        "{at} is not recent (now {now})"
    );
}

fn tags(pairs: &[(&str, &str)]) -> HashMap<String, String> {
    pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
}

#[test]
fn eks_scenario_1_clusters_created_listed_in_pages_and_described_by_name() {
    let client = client("eu-west-3");
    let names: Vec<String> = (1..=5).map(|n| format!("eks-live-{n}")).collect();
    let mut created = Vec::new();
    for name in &names {
        let mut request = cluster_request(name);
        match name.as_str() {
            "eks-live-1" => request = request.with_version("1.31").with_tags(tags(&[("team", "platform")])),
            // Without the endpoint access flags, which moto then leaves out of the response.
            "eks-live-5" => {
                request.resources_vpc_config.endpoint_public_access = None;
                request.resources_vpc_config.endpoint_private_access = None;
            }
            _ => {}
        }
        created.push(create_cluster(&client, &request));
    }
    let exchange = &client.exchanges()[4];
    assert_eq!(exchange.raw["cluster"]["name"], "eks-live-5");
    for flag in ["endpointPublicAccess", "endpointPrivateAccess"] {
        assert_eq!(exchange.raw["cluster"]["resourcesVpcConfig"].get(flag), None, "{flag}");
        assert_eq!(exchange.written["cluster"]["resourcesVpcConfig"][flag], false, "{flag}");
        assert_eq!(client.exchanges()[3].raw["cluster"]["resourcesVpcConfig"][flag], flag == "endpointPublicAccess");
    }
    let first = &created[0];
    assert_eq!(first.name.as_deref(), Some("eks-live-1"));
    assert_eq!(first.arn.as_deref(), Some(format!("arn:aws:eks:eu-west-3:{ACCOUNT}:cluster/eks-live-1").as_str()));
    assert_eq!(first.status, Some(ClusterStatus::Active));
    assert_eq!(first.version.as_deref(), Some("1.31"));
    assert_eq!(first.role_arn.as_deref(), Some(format!("arn:aws:iam::{ACCOUNT}:role/eks-live").as_str()));
    assert_eq!(first.tags, Some(tags(&[("team", "platform")])));
    assert_recent(first.created_at);
    let vpc = first.resources_vpc_config.as_ref().expect("the VPC configuration");
    assert_eq!(vpc.subnet_ids.as_deref(), Some(&["subnet-0a1b2c3d".to_owned(), "subnet-4e5f6a7b".to_owned()][..]));
    assert_eq!(vpc.security_group_ids.as_deref(), Some(&["sg-0123456789abcdef0".to_owned()][..]));
    // `write_request` filled in the `@idempotencyToken`, and moto echoes it.
    let token = first.client_request_token.as_deref().expect("the idempotency token");
    assert_eq!((token.len(), token.matches('-').count()), (36, 4), "a UUID: {token}");
    assert!(first.certificate_authority.as_ref().and_then(|c| c.data.as_ref()).is_some_and(|d| !d.is_empty()));
    // What moto fills in.
    let second = &created[1];
    assert_eq!(second.version.as_deref(), Some("1.19"));
    assert_eq!(
        second.kubernetes_network_config.as_ref().and_then(|k| k.service_ipv4_cidr.as_deref()),
        Some("172.20.0.0/16")
    );
    let logging = second.logging.as_ref().and_then(|l| l.cluster_logging.as_deref()).expect("logging");
    assert_eq!(logging.len(), 1);
    assert_eq!(logging[0].enabled, Some(false));
    assert_eq!(logging[0].types.as_ref().map(Vec::len), Some(5));
    // moto's `"tags": {}` breaks the model's `@length(min: 1)`.
    assert_eq!(second.tags, Some(HashMap::new()));
    let violations = second.validate().unwrap_err();
    let paths: Vec<&str> = violations.0.iter().map(|v| v.path.as_str()).collect();
    assert_eq!(paths, ["tags"], "{violations}");
    first.validate().unwrap();

    // Pages of two, through `maxResults` and `nextToken` in the query.
    let list_from = client.exchanges().len();
    let request = ListClustersRequest::default().with_max_results(2);
    let mut pages = Vec::new();
    for page in paginate::<ops::ListClusters, _>(request, |r| client.call::<ops::ListClusters>(r)) {
        pages.push(ops::ListClusters::items(&page.unwrap()).to_vec());
    }
    assert_eq!(pages, [&names[0..2], &names[2..4], &names[4..5]]);
    let requests: Vec<String> = client.exchanges()[list_from..].iter().map(|e| e.request.clone()).collect();
    assert_eq!(
        requests,
        [
            "GET /clusters?maxResults=2",
            "GET /clusters?maxResults=2&nextToken=eks-live-3",
            "GET /clusters?maxResults=2&nextToken=eks-live-5",
        ]
    );

    // Described through the `{name}` label: the cluster as it was created.
    let described = client
        .call::<ops::DescribeCluster>(&DescribeClusterRequest::new("eks-live-3"))
        .unwrap()
        .cluster
        .expect("a cluster");
    assert_eq!(client.exchanges().last().unwrap().request, "GET /clusters/eks-live-3");
    assert_eq!(described, created[2]);
}

#[test]
fn eks_scenario_2_tags_of_a_cluster_through_its_arn_in_the_path() {
    let client = client("ap-southeast-2");
    let request = cluster_request("eks-live-tagged").with_tags(tags(&[("team", "platform")]));
    let arn = create_cluster(&client, &request).arn.expect("an ARN");
    assert_eq!(arn, format!("arn:aws:eks:ap-southeast-2:{ACCOUNT}:cluster/eks-live-tagged"));
    let path = format!("/tags/arn%3Aaws%3Aeks%3Aap-southeast-2%3A{ACCOUNT}%3Acluster%2Feks-live-tagged");

    let added = tags(&[("env", "prod/blue"), ("owner", "Zoë: ops & more")]);
    client.call::<ops::TagResource>(&TagResourceRequest::new(arn.clone(), added)).unwrap();
    let tag_exchange = client.exchanges().last().unwrap().clone();
    assert_eq!(tag_exchange.request, format!("POST {path}"), "`:` and `/` of the ARN are percent-encoded");
    assert_eq!(tag_exchange.raw, serde_json::json!({}));

    let listed = client.call::<ops::ListTagsForResource>(&ListTagsForResourceRequest::new(arn.clone())).unwrap();
    assert_eq!(client.exchanges().last().unwrap().request, format!("GET {path}"));
    let all = tags(&[("team", "platform"), ("env", "prod/blue"), ("owner", "Zoë: ops & more")]);
    assert_eq!(listed.tags, Some(all));

    // `tagKeys` is a list in the query: one `tagKeys=` per key. moto reads only the first.
    let request = UntagResourceRequest::new(arn.clone(), vec!["team".to_owned(), "env".to_owned()]);
    client.call::<ops::UntagResource>(&request).unwrap();
    assert_eq!(client.exchanges().last().unwrap().request, format!("DELETE {path}?tagKeys=team&tagKeys=env"));
    let listed = client.call::<ops::ListTagsForResource>(&ListTagsForResourceRequest::new(arn.clone())).unwrap();
    assert_eq!(listed.tags, Some(tags(&[("env", "prod/blue"), ("owner", "Zoë: ops & more")])));
    client.call::<ops::UntagResource>(&UntagResourceRequest::new(arn.clone(), vec!["env".to_owned()])).unwrap();
    let listed = client.call::<ops::ListTagsForResource>(&ListTagsForResourceRequest::new(arn.clone())).unwrap();
    assert_eq!(listed.tags, Some(tags(&[("owner", "Zoë: ops & more")])));

    // An ARN of no cluster: moto's error is not one that TagResource models.
    let unknown = arn.replace("eks-live-tagged", "eks-live-gone");
    let reply = client.send::<ops::TagResource>(&TagResourceRequest::new(unknown, tags(&[("a", "b")])));
    match reply.result {
        Err(ops::TagResourceError::Unhandled(e)) => {
            assert_eq!(e.status, 404);
            assert_eq!(e.code.as_deref(), Some("ResourceNotFoundException"));
            assert_eq!(
                e.message.as_deref(),
                Some("An error occurred (NotFoundException) when calling the TagResource operation: Resource was not found")
            );
        }
        other => panic!("expected an unhandled ResourceNotFoundException, got {other:?}"),
    }
}

#[test]
fn eks_scenario_3_typed_errors_with_their_members() {
    let client = client("sa-east-1");

    let reply = client.send::<ops::DescribeCluster>(&DescribeClusterRequest::new("eks-live-missing"));
    match &reply.result {
        Err(ops::DescribeClusterError::ResourceNotFoundException(e)) => {
            assert_eq!(e.message(), Some("No cluster found for name: eks-live-missing."));
            // moto sends `"clusterName": null` here.
            assert_eq!((e.cluster_name.as_deref(), e.nodegroup_name.as_deref()), (None, None));
        }
        other => panic!("expected ResourceNotFoundException, got {other:?}"),
    }
    assert_eq!((reply.status, <ResourceNotFoundException as ErrorShape>::HTTP_STATUS), (404, 404));
    assert_eq!(reply.header("x-amzn-errortype"), Some("ResourceNotFoundException"));
    let body: serde_json::Value = serde_json::from_slice(&reply.body).unwrap();
    assert_eq!(body.get("__type"), None, "the code is only in the header: {body}");
    assert_eq!(body["clusterName"], serde_json::Value::Null);

    // The same error of another operation, with the cluster's name as a member.
    let request = DescribeFargateProfileRequest::new("eks-live-missing", "profile");
    match client.call::<ops::DescribeFargateProfile>(&request) {
        Err(ops::DescribeFargateProfileError::ResourceNotFoundException(e)) => {
            assert_eq!(e.cluster_name.as_deref(), Some("eks-live-missing"));
            assert_eq!(e.message(), Some("No cluster found for name: eks-live-missing."));
        }
        other => panic!("expected ResourceNotFoundException, got {other:?}"),
    }
    assert_eq!(client.exchanges().len(), 0, "no call succeeded so far");

    create_cluster(&client, &cluster_request("eks-live-twice"));
    let reply = client.send::<ops::CreateCluster>(&cluster_request("eks-live-twice"));
    match &reply.result {
        Err(ops::CreateClusterError::ResourceInUseException(e)) => {
            assert_eq!(e.cluster_name.as_deref(), Some("eks-live-twice"));
            assert_eq!(e.message(), Some("Cluster already exists with name: eks-live-twice"));
        }
        other => panic!("expected ResourceInUseException, got {other:?}"),
    }
    assert_eq!((reply.status, <ResourceInUseException as ErrorShape>::HTTP_STATUS), (409, 409));

    let mut request = cluster_request("eks-live-no-role");
    request.role_arn = "not-an-arn".to_owned();
    let reply = client.send::<ops::CreateCluster>(&request);
    match &reply.result {
        Err(ops::CreateClusterError::InvalidParameterException(e)) => {
            assert_eq!(e.message(), Some("Invalid Role Arn: 'not-an-arn'"));
        }
        other => panic!("expected InvalidParameterException, got {other:?}"),
    }
    assert_eq!((reply.status, <InvalidParameterException as ErrorShape>::HTTP_STATUS), (400, 400));

    // A token that names no cluster breaks moto.
    let request = ListClustersRequest::default().with_max_results(1).with_next_token("eks-live-nowhere");
    let reply = client.send::<ops::ListClusters>(&request);
    match &reply.result {
        Err(ops::ListClustersError::Unhandled(e)) => {
            assert_eq!((e.status, e.code.as_deref()), (500, None));
            assert!(String::from_utf8_lossy(&e.body).contains("Internal Server Error"), "{e:?}");
        }
        other => panic!("expected an unhandled HTTP 500, got {other:?}"),
    }
}

#[test]
fn eks_the_operation_list_is_complete_and_no_output_member_is_bound_to_a_header() {
    macro_rules! names {
        ($($op:ident)*) => { [$(stringify!($op)),*] };
    }
    // The list is shared with the `eks_outputs` fuzz target.
    let listed = eks_operations!(names);
    let all: Vec<&str> = ops::OPERATIONS.iter().map(|o| o.name).collect();
    assert_eq!(listed.to_vec(), all);
    assert_eq!(listed.len(), 57);
    // Every output of EKS is all body, so the fuzz target's header names are the protocol's.
    let bodies = output_bodies(MODEL);
    for name in listed {
        assert_eq!(bodies[name], OutputBody::Members { elsewhere: vec![] }, "{name}");
    }
    let model =
        smithy_model::Model::from_file(concat!(env!("CARGO_MANIFEST_DIR"), "/../", "model/aws/eks-2017-11-01.json"))
            .unwrap();
    let mut bound = BTreeSet::new();
    for shape in model.shapes() {
        for member in shape.kind.members() {
            bound.extend(member.traits.http_header.iter().map(|h| h.to_ascii_lowercase()));
            bound.extend(member.traits.http_prefix_headers.iter().map(|h| h.to_ascii_lowercase()));
        }
    }
    assert_eq!(bound.into_iter().collect::<Vec<_>>(), EKS_OUTPUT_HEADERS);
}

/// The no-data-loss check compares a restJson1 body with the members the body carries: Lambda's
/// model binds output members to the status code, headers and the payload.
#[test]
fn eks_restjson1_bodies_are_compared_with_the_members_they_carry() {
    let lambda = output_bodies("model/aws/lambda-2015-03-31.json");
    assert_eq!(lambda["InvokeAsync"], OutputBody::Members { elsewhere: vec!["Status".to_owned()] });
    assert_eq!(lambda["Invoke"], OutputBody::Payload { member: "Payload".to_owned(), kind: PayloadKind::Blob });

    // `InvokeAsync` answers 202 with an empty body: `Status` comes from the status code.
    let written = lambda["InvokeAsync"].of(&serde_json::json!({"Status": 202}));
    assert_eq!(written, serde_json::json!({}));
    let mut differences = Vec::new();
    client::compare("InvokeAsync", &serde_json::json!({}), &written, &mut differences);
    assert_eq!(differences, []);
    // Compared whole, the status would look like a member the body left out.
    client::compare("InvokeAsync", &serde_json::json!({}), &serde_json::json!({"Status": 202}), &mut differences);
    assert_eq!(differences, [("InvokeAsync: Status".to_owned(), client::Difference::Filled)]);
    // A payload is the body.
    let invoke = serde_json::json!({"StatusCode": 200, "ExecutedVersion": "$LATEST", "Payload": "eyJvayI6dHJ1ZX0="});
    assert_eq!(lambda["Invoke"].of(&invoke), serde_json::json!("eyJvayI6dHJ1ZX0="));
}
