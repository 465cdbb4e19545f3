//! Turning an error into one line a person can act on.
//!
//! A `reqwest::Error` alone often says little: a refused connection prints as "error sending
//! request for url (…)". The reason sits further down its *source chain* (the error that caused
//! it, and the one that caused that). [`describe`] walks the chain, joins it into one line, and
//! adds a hint about what to do. Lessons end `main` with [`exit_code`], so every failure looks
//! the same: one line on stderr and a non-zero exit status.

use std::error::Error as StdError;
use std::fmt;
use std::io;
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
///
/// The hint follows only from what the chain proves, so that it never sends anyone the wrong
/// way. The order matters: a timeout while reading the body is also a "decode" error to
/// reqwest (reading and decoding the body are one step, `json()`), and a failed TLS handshake
/// is also a "connect" error, though something did answer.
pub fn hint(err: &(dyn StdError + 'static)) -> Option<&'static str> {
    // A lesson's own error type may carry the hint itself (see [`Hinted`]).
    if let Some(hinted) = find::<Hinted>(err) {
        return Some(hinted.hint);
    }
    let http = find::<reqwest::Error>(err)?;
    if let Some(status) = http.status() {
        Some(status_hint(status))
    } else if http.is_timeout() {
        Some(
            "the server did not answer in time: it may be overloaded, or slower than the client's timeout",
        )
    } else if http.is_connect() {
        Some(connect_hint(http))
    } else if http.is_decode() {
        Some(body_hint(http))
    } else if http.is_request() {
        Some(
            "no complete answer came back: the connection closed early, or what came back is not HTTP. Try again; if it keeps failing, check that --base-url is an HTTP server, with http:// for plain HTTP and https:// for TLS",
        )
    } else if http.is_builder() {
        Some("the request could not be built: check --base-url")
    } else {
        None
    }
}

/// What to do about an answer with this error status.
///
/// For a lesson's own error type that keeps the status but not the `reqwest::Error` behind it:
/// wrap the error in a [`Hinted`] with this hint.
pub fn status_hint(status: reqwest::StatusCode) -> &'static str {
    if status == reqwest::StatusCode::NOT_FOUND {
        "the server has no such resource: check the path and the id (posts go from 1 to 100)"
    } else if status.is_server_error() {
        "the server failed to answer: try again later, or run without --base-url to use the mock"
    } else {
        "the server refused the request: check the path, the id and the parameters"
    }
}

/// No connection: nothing listens there, the name does not resolve, or the TLS handshake of an
/// `https://` URL failed.
fn connect_hint(http: &reqwest::Error) -> &'static str {
    let tls = http.url().is_some_and(|url| url.scheme() == "https");
    if http.is_dns() {
        "the host name does not resolve: check the host in --base-url"
    } else if tls
        && (has_io_error(http, io::ErrorKind::InvalidData)
            || has_io_error(http, io::ErrorKind::UnexpectedEof))
    {
        // Something accepted the connection, then the handshake that `https://` asks for
        // failed: TLS refused what came back (invalid data: bytes that are not TLS, or a
        // certificate it cannot trust), or the server hung up in the middle of it. The chain
        // says which. The usual cause in this course is a plain-HTTP server (the mock) asked
        // for TLS.
        "the TLS handshake failed: the server did not set up a secure connection. If it speaks plain HTTP (the course's mock does), use http:// instead of https://"
    } else {
        "nothing answered at that address: is the server running? Without --base-url the lesson starts its own mock server"
    }
}

/// Reading or decoding the body failed. reqwest reports both as a "decode" error: the JSON
/// parser's error behind it means the body arrived and is not the JSON expected; an I/O error
/// behind it means the body never arrived whole.
fn body_hint(http: &reqwest::Error) -> &'static str {
    if let Some(json) = find::<serde_json::Error>(http) {
        if json.is_eof() {
            // `{"id": 1, "ti` and then nothing: a body that ends inside its JSON (or is empty).
            "the body ends before its JSON does: the answer is empty or was cut short. Try again; if it keeps failing, check that --base-url points at a JSONPlaceholder API"
        } else {
            "the body is not the JSON this lesson expects: does --base-url point at a JSONPlaceholder API?"
        }
    } else if has_io_error(http, io::ErrorKind::UnexpectedEof) {
        "the answer was cut short: the connection closed before the whole body arrived. Try again; if it keeps failing, the server (or something between) is dropping connections"
    } else {
        "the body could not be read to the end: the connection failed part-way through the answer. Try again"
    }
}

/// An error and what to do about it, for an error type that does not keep the
/// `reqwest::Error` behind it (a lesson's `Status(StatusCode)` variant, say), so that
/// [`hint`] has nothing to read. It prints and chains exactly as the error it wraps.
#[derive(Debug)]
pub struct Hinted {
    error: Error,
    hint: &'static str,
}

impl Hinted {
    /// `error`, reported with `hint` after it.
    pub fn new(error: impl Into<Error>, hint: &'static str) -> Hinted {
        Hinted {
            error: error.into(),
            hint,
        }
    }
}

impl fmt::Display for Hinted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.error.fmt(f)
    }
}

impl StdError for Hinted {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        self.error.source()
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

/// The first error of type `E` in the chain: a `reqwest::Error` may be wrapped by a lesson's
/// own error type, and wrap a `serde_json::Error` itself.
fn find<'a, E: StdError + 'static>(err: &'a (dyn StdError + 'static)) -> Option<&'a E> {
    let mut current = Some(err);
    while let Some(err) = current {
        if let Some(found) = err.downcast_ref::<E>() {
            return Some(found);
        }
        current = err.source();
    }
    None
}

/// Whether an I/O error of this kind is anywhere in the chain, including inside another I/O
/// error (the TLS layer wraps its errors twice).
fn has_io_error(err: &(dyn StdError + 'static), kind: io::ErrorKind) -> bool {
    let mut current = Some(err);
    while let Some(err) = current {
        if let Some(io) = err.downcast_ref::<io::Error>() {
            if io.kind() == kind {
                return true;
            }
            // An `io::Error` made with `io::Error::new` hands out its inner error through
            // `get_ref`, not always through `source`.
            if let Some(inner) = io.get_ref() {
                if has_io_error(inner, kind) {
                    return true;
                }
            }
        }
        current = err.source();
    }
    false
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
        // Refused for the rest of the run: no other test's server can take the port.
        let nowhere = crate::api::unused_local_url().unwrap();
        crate::client::install_tls_provider();
        let err = reqwest::get(format!("{nowhere}/posts/1"))
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

    /// A server on 127.0.0.1 that reads what each connection sends first (a request, or a TLS
    /// client's hello), writes `reply`, and then closes the connection, or with `hold`, keeps
    /// it open until the client closes it. Returns its address, `127.0.0.1:port`.
    async fn raw_server(reply: &'static [u8], hold: bool) -> String {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let address = listener.local_addr().unwrap().to_string();
        tokio::spawn(async move {
            while let Ok((mut stream, _)) = listener.accept().await {
                tokio::spawn(async move {
                    let mut buffer = [0; 4096];
                    let _ = stream.read(&mut buffer).await;
                    let _ = stream.write_all(reply).await;
                    if hold {
                        // Until the client gives up and closes: then `read` returns 0.
                        while matches!(stream.read(&mut buffer).await, Ok(n) if n > 0) {}
                    }
                });
            }
        });
        address
    }

    /// The course's settings, without a proxy, so that loopback stays loopback.
    fn client() -> reqwest::Client {
        crate::client::install_tls_provider();
        reqwest::Client::builder()
            .no_proxy()
            .timeout(std::time::Duration::from_secs(30))
            .build()
            .unwrap()
    }

    /// `GET url` and then its body as JSON: the error of whichever step failed.
    async fn get_json(request: reqwest::RequestBuilder) -> reqwest::Error {
        match request.send().await {
            Ok(response) => response.json::<serde_json::Value>().await.unwrap_err(),
            Err(err) => err,
        }
    }

    /// `https://` against a server that answers in plain HTTP: the handshake failed, not "nothing
    /// answered", and the way out is `http://`.
    #[tokio::test]
    async fn https_to_a_plain_http_server_says_the_handshake_failed_and_to_try_http() {
        let address = raw_server(
            b"HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\nconnection: close\r\n\r\n",
            false,
        )
        .await;
        let err = get_json(client().get(format!("https://{address}/posts/1"))).await;
        let line = describe(&err);
        assert!(line.contains("the TLS handshake failed"), "{line}");
        assert!(line.contains("use http:// instead of https://"), "{line}");
        assert!(!line.contains("nothing answered"), "{line}");
    }

    /// `https://` where nothing listens is still a refused connection, not a TLS problem.
    #[tokio::test]
    async fn https_where_nothing_listens_still_says_nothing_answered() {
        let nowhere = crate::api::unused_local_url()
            .unwrap()
            .replace("http://", "https://");
        let err = get_json(client().get(format!("{nowhere}/posts/1"))).await;
        let line = describe(&err);
        assert!(line.contains("nothing answered at that address"), "{line}");
        assert!(!line.contains("TLS"), "{line}");
    }

    /// A body that stops before its `content-length`: the answer was cut short, not a foreign API.
    #[tokio::test]
    async fn a_body_cut_short_says_the_connection_closed_before_the_whole_body() {
        // The head promises 100 bytes; 13 come, then the connection closes.
        let address = raw_server(
            b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{\"id\": 1, \"ti",
            false,
        )
        .await;
        let err = get_json(client().get(format!("http://{address}/posts/1"))).await;
        let line = describe(&err);
        assert!(
            line.contains(
                "the answer was cut short: the connection closed before the whole body arrived"
            ),
            "{line}"
        );
        assert!(!line.contains("JSONPlaceholder"), "{line}");
    }

    /// A body without a length that ends inside its JSON: the parser's EOF, said as such.
    #[tokio::test]
    async fn a_body_that_ends_inside_its_json_says_so() {
        // No length given: the body ends where the connection does, inside the JSON.
        let address = raw_server(
            b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\nconnection: close\r\n\r\n{\"id\": 1, \"ti",
            false,
        )
        .await;
        let err = get_json(client().get(format!("http://{address}/posts/1"))).await;
        let line = describe(&err);
        assert!(line.contains("EOF while parsing"), "{line}");
        assert!(
            line.contains(
                "the body ends before its JSON does: the answer is empty or was cut short"
            ),
            "{line}"
        );
    }

    /// A whole body that is not JSON keeps the question about `--base-url`.
    #[tokio::test]
    async fn a_body_of_another_shape_asks_whether_the_url_is_a_jsonplaceholder_api() {
        let address = raw_server(
            b"HTTP/1.1 200 OK\r\ncontent-type: text/html\r\ncontent-length: 6\r\n\r\n<html>",
            false,
        )
        .await;
        let err = get_json(client().get(format!("http://{address}/posts/1"))).await;
        assert!(
            describe(&err).ends_with(
                "; the body is not the JSON this lesson expects: does --base-url point at a JSONPlaceholder API?"
            ),
            "{}",
            describe(&err)
        );
    }

    /// A server that reads the request and hangs up: what happened, and what to do.
    #[tokio::test]
    async fn a_connection_closed_at_once_says_what_to_do() {
        let address = raw_server(b"", false).await;
        let err = get_json(client().get(format!("http://{address}/posts/1"))).await;
        let line = describe(&err);
        assert!(
            line.contains("connection closed before message completed"),
            "{line}"
        );
        assert!(
            line.contains("; no complete answer came back: the connection closed early"),
            "{line}"
        );
        assert!(line.contains("Try again"), "{line}");
    }

    /// A body that stalls past the timeout: reqwest calls it a decode error, the hint a timeout.
    #[tokio::test]
    async fn a_timeout_while_reading_the_body_is_a_timeout_not_bad_json() {
        // The head and one byte of the body, then nothing until the client gives up.
        let address = raw_server(
            b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{",
            true,
        )
        .await;
        let request = client()
            .get(format!("http://{address}/posts/1"))
            .timeout(std::time::Duration::from_millis(300));
        let err = get_json(request).await;
        assert!(err.is_decode(), "reqwest calls it a decode error: {err:?}");
        let line = describe(&err);
        assert!(
            line.ends_with("; the server did not answer in time: it may be overloaded, or slower than the client's timeout"),
            "{line}"
        );
    }

    /// A 5xx turned into an error by `error_for_status`.
    #[tokio::test]
    async fn a_server_error_says_to_try_again_later() {
        let address = raw_server(
            b"HTTP/1.1 500 Internal Server Error\r\ncontent-length: 0\r\n\r\n",
            false,
        )
        .await;
        let response = client()
            .get(format!("http://{address}/posts/1"))
            .send()
            .await
            .unwrap();
        let err = response.error_for_status().unwrap_err();
        assert!(
            describe(&err).ends_with("; the server failed to answer: try again later, or run without --base-url to use the mock"),
            "{}",
            describe(&err)
        );
    }

    /// A `Hinted` error reads exactly as the error it wraps, then its hint, even boxed.
    #[test]
    fn a_hinted_error_prints_as_its_error_with_its_hint() {
        let err = Hinted::new(
            Layer(
                "the server answered 500",
                Some(Box::new(Layer("root", None))),
            ),
            "try later",
        );
        assert_eq!(
            describe(&err),
            "error: the server answered 500: root; try later"
        );
        // Wrapped once more, as `?` into a lesson's `Error` does, it still is found.
        let boxed: Error = Box::new(err);
        assert!(describe(boxed.as_ref()).ends_with("; try later"));
    }
}
