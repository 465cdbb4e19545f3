//! Turning an error into one line a person can act on.
//!
//! A `reqwest::Error` alone often says little: a refused connection prints as "error sending
//! request for url (…)". The reason sits further down its *source chain* (the error that caused
//! it, and the one that caused that). [`describe`] walks the chain, joins it into one line, and
//! adds a hint about what to do. Lessons end `main` with [`exit_code`], so every failure looks
//! the same: one line on stderr and a non-zero exit status.

use std::error::Error as StdError;
use std::process::ExitCode;

/// Any error, boxed: what a lesson's `run` function returns. `?` converts every error type into
/// it, the way a Python function can let any exception propagate.
pub type Error = Box<dyn StdError + Send + Sync + 'static>;

/// The error and all its causes, outermost first, on one line:
/// `error sending request for url (…): client error (Connect): tcp connect error: Connection refused (os error 111)`.
pub fn error_chain(err: &(dyn StdError + 'static)) -> String {
    let mut line = err.to_string();
    let mut source = err.source();
    while let Some(cause) = source {
        let text = cause.to_string();
        // Some errors repeat their cause in their own message; say everything once.
        if !line.contains(&text) {
            line.push_str(": ");
            line.push_str(&text);
        }
        source = cause.source();
    }
    // One line, even when a message (a body excerpt, say) contains line breaks.
    line.replace(['\n', '\r'], " ")
}

/// What a learner can do about `err`, when the error says enough to tell.
pub fn hint(err: &(dyn StdError + 'static)) -> Option<&'static str> {
    let http = find_reqwest_error(err)?;
    if http.is_connect() {
        Some(
            "nothing answered at that address: is the server running? Without --base-url the lesson starts its own mock server",
        )
    } else if http.is_timeout() {
        Some(
            "the server did not answer in time: it may be overloaded, or slower than the client's timeout",
        )
    } else if let Some(status) = http.status() {
        if status == reqwest::StatusCode::NOT_FOUND {
            Some(
                "the server has no such resource: check the path and the id (posts go from 1 to 100)",
            )
        } else if status.is_server_error() {
            Some(
                "the server failed to answer: try again later, or run without --base-url to use the mock",
            )
        } else {
            Some("the server refused the request: check the path, the id and the parameters")
        }
    } else if http.is_decode() {
        Some(
            "the body is not the JSON this lesson expects: does --base-url point at a JSONPlaceholder API?",
        )
    } else if http.is_builder() {
        Some("the request could not be built: check --base-url")
    } else {
        None
    }
}

/// The whole report: `error: <chain>` and, when there is one, `; <hint>`.
pub fn describe(err: &(dyn StdError + 'static)) -> String {
    format!("error: {}", explain(err))
}

/// The chain and, when there is one, `; <hint>`, without the `error:` prefix: for a reason
/// that goes inside another message ("all 5 requests failed; the first: …").
pub fn explain(err: &(dyn StdError + 'static)) -> String {
    match hint(err) {
        Some(hint) => format!("{}; {hint}", error_chain(err)),
        None => error_chain(err),
    }
}

/// Ends a lesson: success is exit code 0; an error is reported on stderr as one line (see
/// [`describe`]) and gives exit code 1.
pub fn exit_code(result: Result<(), Error>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("{}", describe(err.as_ref()));
            ExitCode::FAILURE
        }
    }
}

/// `text` on one line, cut to at most `max` characters with an ellipsis where it was cut: for
/// titles and error chains in output that must fit a terminal's width. Counts characters, not
/// bytes: slicing a `str` in the middle of a character would panic.
pub fn shorten(text: &str, max: usize) -> String {
    let text = text.replace(['\n', '\r'], " ");
    if text.chars().count() <= max {
        text
    } else {
        let cut: String = text.chars().take(max.saturating_sub(1)).collect();
        format!("{cut}…")
    }
}

/// The first `reqwest::Error` in the chain: it may be wrapped by a lesson's own error type.
fn find_reqwest_error<'a>(err: &'a (dyn StdError + 'static)) -> Option<&'a reqwest::Error> {
    let mut current = Some(err);
    while let Some(err) = current {
        if let Some(http) = err.downcast_ref::<reqwest::Error>() {
            return Some(http);
        }
        current = err.source();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fmt;

    #[derive(Debug)]
    struct Layer(&'static str, Option<Box<Layer>>);

    impl fmt::Display for Layer {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(self.0)
        }
    }

    impl StdError for Layer {
        fn source(&self) -> Option<&(dyn StdError + 'static)> {
            self.1.as_deref().map(|inner| inner as _)
        }
    }

    #[test]
    fn the_chain_names_every_cause_once_on_one_line() {
        let err = Layer(
            "error sending request",
            Some(Box::new(Layer(
                "tcp connect error",
                Some(Box::new(Layer("tcp connect error", None))),
            ))),
        );
        assert_eq!(
            error_chain(&err),
            "error sending request: tcp connect error"
        );
        let multi = Layer("first\nsecond", None);
        assert_eq!(error_chain(&multi), "first second");
    }

    #[test]
    fn shorten_cuts_long_text_at_a_character_boundary() {
        assert_eq!(shorten("short", 10), "short");
        assert_eq!(shorten("two\nlines", 10), "two lines");
        assert_eq!(shorten("déjà vu, encore", 6), "déjà …");
        assert_eq!(shorten("déjà vu, encore", 6).chars().count(), 6);
    }

    #[tokio::test]
    async fn a_refused_connection_gets_a_hint_to_check_the_server() {
        // Bind a port, then free it: nothing listens there any more.
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let err = reqwest::get(format!("http://127.0.0.1:{port}/posts/1"))
            .await
            .unwrap_err();
        let line = describe(&err);
        assert!(line.starts_with("error: error sending request"), "{line}");
        assert!(
            line.contains("onnection refused"),
            "the cause is named: {line}"
        );
        assert!(line.contains("is the server running?"), "{line}");
        assert!(!line.contains('\n'));
    }
}
