//! Idempotency tokens (`@idempotencyToken`): a request whose token member is unset gets a fresh
//! random UUID (version 4, from the `uuid` crate), so that a retried request is recognised as
//! the same one. [`with_tokens`] replaces the source for the calls made inside it, for tests and
//! recorded traffic that need the same token every time.

use std::cell::Cell;

thread_local! {
    static SOURCE: Cell<Option<fn() -> String>> = const { Cell::new(None) };
}

/// A fresh token: a random UUID, or what the source that [`with_tokens`] set gives.
pub fn token() -> String {
    match SOURCE.with(Cell::get) {
        Some(source) => source(),
        None => uuid::Uuid::new_v4().to_string(),
    }
}

/// Runs `f` with `source` making every token that requests built on this thread inside `f` get.
pub fn with_tokens<R>(source: fn() -> String, f: impl FnOnce() -> R) -> R {
    struct Restore(Option<fn() -> String>);

    impl Drop for Restore {
        fn drop(&mut self) {
            SOURCE.with(|s| s.set(self.0));
        }
    }

    let _restore = Restore(SOURCE.with(|s| s.replace(Some(source))));
    f()
}
