//! The crate's front page: what it is, how to build, check, write and read a request, how to
//! call the service, its cargo features, and the service's own documentation. The examples are
//! real doc tests, built from the model (its first operation with an example, or with an input).

use serde_json::Value;

use crate::space::{MemberDef, OperationDef, RustType, TypeKind, TypeSpace};

/// Lines of the crate documentation, each with the cargo feature it needs to show (`None`: always).
pub type Lines = Vec<(String, Option<&'static str>)>;

/// The feature that operations need (`write_request`, `read_response`, the `operation`,
/// `operations` and `protocol` modules).
const HTTP: Option<&str> = Some("http");
/// The feature that `validate()` needs.
const VALIDATE: Option<&str> = Some("validate");

/// The Markdown of the crate documentation, line by line.
pub fn markdown(space: &TypeSpace) -> Lines {
    let (lib, title) = (space.service.library_name.as_str(), &space.service.title);
    let protocol = space.service.protocol.name();
    let mut lines = Lines::new();
    let mut add = |text: &str, feature: Option<&'static str>| {
        lines.extend(text.lines().map(|l| (l.to_owned(), feature)));
    };
    add(
        &format!(
            "Serde types for {title}, generated from the service's Smithy model.\n\n\
             Every structure, union and enum of the service is a type at the crate root, named as \
             in the model. The types read and write exactly the JSON of the `{protocol}` \
             protocol:\n\n\
             - members keep their wire names; optional members are `Option`s, left out when `None`;\n\
             - members with a model default are plain fields holding it when absent;\n\
             - enums keep values they do not know in an `Unknown` variant, unions keep unknown \
               members the same way, and both write them back unchanged;\n\
             - timestamps are `time::OffsetDateTime`, blobs `Vec<u8>`, documents \
               `serde_json::Value`; the [`wire`] module holds their wire formats;\n\
             - `Debug` never prints a value the model marks `@sensitive`."
        ),
        None,
    );
    add("- every operation is a type in [`operations`], which writes its HTTP request and reads its response;", HTTP);
    add("- [`validate`] checks the model's `@length`, `@range` and `@pattern` constraints.", VALIDATE);
    if let Some(example) = example(space, lib) {
        add(&example.build, None);
        add(&example.check, VALIDATE);
        add("```", None);
        add(&example.rest, HTTP);
    }
    add(
        "\n## Calling the service\n\n\
         Each operation type implements [`operation::Operation`]: `write_request` turns an input \
         into the whole HTTP request (an `http::Request`: method, URI, headers, body), and \
         `read_response` turns any `http::Response` into the output or the operation's error \
         enum. A client adds the endpoint and a signature ([`operations::SERVICE`] has the \
         endpoint prefix and signing name) and sends the request with any HTTP library. \
         [`operation::paginate`] walks the pages of a paginated operation with any transport.",
        HTTP,
    );
    add(
        "\n## Features\n\n\
         - `http` (on by default): the operations as HTTP messages (`write_request`, \
           `read_response`, the `operation`, `operations` and `protocol` modules), with the `http` \
           crate.\n\
         - `validate` (on by default): the `validate` module, whose `Validate` trait (`validate()`), \
           implemented by every structure and union, checks the model's `@length`, `@range` and \
           `@pattern` constraints, with `fancy-regex` as the pattern engine.\n\n\
         Without them (`default-features = false`) the crate has its types and their wire form \
         only: no HTTP and no regex engine in its build.",
        None,
    );
    lines
}

/// The examples of the front page: building a request, checking it (only with the `validate`
/// feature), and writing and reading it.
struct Example {
    build: String,
    check: String,
    rest: String,
}

/// A construction example and a read/write example for one operation, if the model has one.
fn example(space: &TypeSpace, lib: &str) -> Option<Example> {
    let (op, input_json) = pick_operation(space)?;
    let input = op.input.as_ref()?;
    let input_name = input.name.as_str();
    let TypeKind::Struct(s) = &space.get(&input.shape)?.kind else { return None };
    let mut text = format!("\n## Building a request\n\nThe input of `{}`:\n\n```\n", op.wire_name);
    text.push_str(&format!("use {lib}::{input_name};\n\n"));
    let required: Vec<&MemberDef> = s.members.iter().filter(|f| f.is_required()).collect();
    let args: Vec<String> = required.iter().map(|f| argument(&f.ty, lib)).collect();
    let mut build = if required.is_empty() {
        format!("{input_name}::default()")
    } else {
        format!("{input_name}::new({})", args.join(", "))
    };
    if let Some(optional) = s.members.iter().find(|f| f.is_optional() && simple_argument(&f.ty).is_some()) {
        let setter = crate::naming::ident(&optional.rust_name).to_string();
        let value = simple_argument(&optional.ty).unwrap_or_default();
        build.push_str(&format!("\n    .with_{}({value})", setter.trim_start_matches("r#")));
    }
    text.push_str(&format!("let input = {build};\n"));
    let check = format!(
        "\n// Every constraint violation at once, with the path of each value.\n\
         use {lib}::validate::Validate;\n\
         if let Err(violations) = input.validate() {{\n    println!(\"{{violations}}\");\n}}"
    );
    let name = op.name.clone();
    let mut rest = format!(
        "\n## Requests and responses\n\n```\nuse {lib}::operation::Operation;\nuse {lib}::operations::{name};\nuse {lib}::{input_name};\n\n"
    );
    match (&op.route, input_json) {
        // restJson1: the input's members become the path, query, headers and body.
        (Some(route), _) => rest.push_str(&format!(
            "let input = {build};\n\
             let request: http::Request<Vec<u8>> = {name}::write_request(&input)?;\n\
             assert_eq!(request.method(), {method:?});\n\
             println!(\"{{}} {{}}\", request.method(), request.uri());\n",
            method = route.method,
        )),
        (None, Some(json)) => {
            let pretty = serde_json::to_string_pretty(&json).ok()?;
            let mut hashes = String::from("#");
            while pretty.contains(&format!("\"{hashes}")) {
                hashes.push('#');
            }
            rest.push_str(&format!("// From the model's example of `{}`.\n", op.wire_name));
            rest.push_str(&format!(
                "let input: {input_name} = serde_json::from_str(r{hashes}\"{pretty}\"{hashes})?;\n"
            ));
            rest.push_str(&aws_json_request(&name, input_name));
        }
        (None, None) => {
            rest.push_str(&format!("let input = {input_name}::default();\n"));
            rest.push_str(&aws_json_request(&name, input_name));
        }
    }
    rest.push_str(&format!(
        "\n// What the service answers, as any HTTP client hands it over.\n\
         let response = http::Response::builder().status(200).body(b\"{{}}\".to_vec())?;\n\
         let output = {name}::read_response(&response)?;\n\
         # let _ = output;\n\
         # Ok::<(), Box<dyn std::error::Error>>(())\n```"
    ));
    Some(Example { build: text, check, rest })
}

/// An awsJson request: a `POST` whose body is the input as JSON.
fn aws_json_request(name: &str, input_name: &str) -> String {
    format!(
        "let request: http::Request<Vec<u8>> = {name}::write_request(&input)?;\n\
         assert_eq!(request.method(), \"POST\");\n\
         // The body is the input as JSON (compared as JSON, where a NaN equals itself).\n\
         let again: {input_name} = serde_json::from_slice(request.body())?;\n\
         assert_eq!(serde_json::to_value(&again)?, serde_json::to_value(&input)?);\n"
    )
}

/// The first operation (by name) with an example input, else the first with an input.
fn pick_operation(space: &TypeSpace) -> Option<(&OperationDef, Option<Value>)> {
    let example_input = |op: &OperationDef| op.examples.iter().find_map(|e| e.input.clone());
    let with_input = || space.operations.iter().filter(|op| op.input.is_some());
    with_input()
        .find_map(|op| example_input(op).map(|json| (op, Some(json))))
        .or_else(|| with_input().next().map(|op| (op, None)))
}

/// A Rust expression that converts into a member of type `ty`.
fn argument(ty: &RustType, lib: &str) -> String {
    simple_argument(ty).unwrap_or_else(|| match ty {
        RustType::Timestamp(_) => "time::OffsetDateTime::UNIX_EPOCH".to_owned(),
        RustType::List { .. } | RustType::Blob => "Vec::new()".to_owned(),
        RustType::Map { .. } => "std::collections::HashMap::new()".to_owned(),
        RustType::Document => "serde_json::Value::Null".to_owned(),
        RustType::BigNumber => format!("{lib}::wire::BigNumber::default()"),
        RustType::Named(named) => format!("{lib}::{}::default()", named.name),
        _ => unreachable!("simple types have a literal"),
    })
}

/// A literal for simple member types.
fn simple_argument(ty: &RustType) -> Option<String> {
    Some(match ty {
        RustType::String => "\"example\"".to_owned(),
        RustType::Bool => "true".to_owned(),
        RustType::I8 | RustType::I16 | RustType::I32 | RustType::I64 => "1".to_owned(),
        RustType::F32 | RustType::F64 => "1.5".to_owned(),
        _ => return None,
    })
}
