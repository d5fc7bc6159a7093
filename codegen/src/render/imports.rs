//! The `use` lines of a generated file, collected while rendering and written sorted: std
//! first, then other crates, then this crate, one `use` per module.

use std::collections::{BTreeMap, BTreeSet};

use proc_macro2::TokenStream;
use quote::quote;

use super::rust_types::StdPaths;
use crate::space::RustType;

/// The items a file imports, by module path.
#[derive(Default)]
pub struct Imports {
    modules: BTreeMap<(Group, String), BTreeSet<String>>,
}

/// Import groups, in the order they are written.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Group {
    Std,
    External,
    Crate,
}

impl Imports {
    /// Imports `item` from `module` (`self` imports the module itself).
    pub fn add(&mut self, module: &str, item: &str) -> &mut Self {
        let group = match module.split("::").next() {
            Some("std" | "core" | "alloc") => Group::Std,
            Some("crate") => Group::Crate,
            _ => Group::External,
        };
        self.modules.entry((group, module.to_owned())).or_default().insert(item.to_owned());
        self
    }

    /// Imports what spelling `types` needs: `HashMap`, and the generated types they refer to
    /// (except `own_name`, and names spelled `crate::Name` because they clash with std).
    pub fn types<'a>(
        &mut self,
        types: impl IntoIterator<Item = &'a RustType>,
        own_name: &str,
        std: &StdPaths,
    ) -> &mut Self {
        for ty in types {
            if ty.uses_map() && !std.clashing.contains("HashMap") {
                self.add("std::collections", "HashMap");
            }
            for named in ty.named_types() {
                let name = named.name.as_str();
                if name != own_name && !std.clashing.contains(name) {
                    self.add("crate", name);
                }
            }
        }
        self
    }

    /// The `use` lines.
    pub fn tokens(&self) -> TokenStream {
        let lines = self.modules.iter().map(|((_, module), items)| {
            let path: syn::Path = syn::parse_str(module).expect("module paths are valid Rust paths");
            let items: Vec<TokenStream> = items
                .iter()
                .map(|item| {
                    if item == "self" {
                        quote!(self)
                    } else {
                        crate::naming::ident(item).to_string().parse().expect("an identifier tokenizes")
                    }
                })
                .collect();
            match items.as_slice() {
                [one] => quote!(use #path::#one;),
                many => quote!(use #path::{#(#many),*};),
            }
        });
        quote!(#(#lines)*)
    }
}
