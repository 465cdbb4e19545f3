//! The seeded clients of the differential checks: each is a correct "complete a todo" with at
//! most one flaw, dressed in details the contract leaves free (how the JSON is spaced, an extra
//! header) drawn from a seed. A sound test fails exactly the flawed ones: the checks run the
//! reference solution's tests and yours on each and ask that you agree.
//!
//! The flaws here are other than those of `broken/` (which the named checks run first): DELETE
//! or GET, a trailing slash, the next id, the id in the query, `1` for `true`, an empty object,
//! an extra field, no body, `text/json`, a GET after the PATCH, an emptied title; and for the
//! error test, a 500 read as `Ok`, as `Transport`, or as another status.

use lesson_support::models::Todo;
use mock_server::SeededRng;
use reqwest::header::{CONTENT_TYPE, HeaderName};
use reqwest::{Method, StatusCode, Url};

use crate::TodoError;

/// What is wrong with a seeded client's request or with what it returns, if anything.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flaw {
    /// Nothing: a correct client.
    None,
    /// Another method than PATCH.
    Method(&'static str),
    /// `{base URL}/todos/{id}/`.
    TrailingSlash,
    /// `{base URL}/todos/{id + 1}`.
    NextId,
    /// `{base URL}/todos?id={id}`.
    IdInQuery,
    /// Another JSON body, written out.
    Body(&'static str),
    /// `{"completed": true, "id": id}`.
    ExtraIdField,
    /// No body at all (the header still says JSON).
    NoBody,
    /// Another `Content-Type`.
    ContentType(&'static str),
    /// A `GET` of the todo after the PATCH, to read it back.
    GetAfter,
    /// Returns the server's todo with its title emptied.
    EmptyTitle,
}

/// How a seeded client reads an error status (every one of them sends a right request).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusFlaw {
    /// `TodoError::Status(status)`: correct.
    None,
    /// Decodes the body whatever the status.
    Ignores,
    /// `error_for_status()` filed under `TodoError::Transport`.
    AsTransport,
    /// Reports this status instead of the one received.
    As(u16),
    /// Decodes the body first, and looks at the status only when that fails: `Ok` on an error
    /// status whose body is a todo, the right error on any other.
    DecodesFirst,
}

/// The flaws of the seeded clients for `complete_sends_one_patch`, in the order they run;
/// `Flaw::None` three times, each with other free details.
pub const PATCH_FLAWS: &[Flaw] = &[
    Flaw::None,
    Flaw::Method("DELETE"),
    Flaw::TrailingSlash,
    Flaw::Body(r#"{"completed": 1}"#),
    Flaw::None,
    Flaw::NextId,
    Flaw::ContentType("text/json"),
    Flaw::Body("{}"),
    Flaw::GetAfter,
    Flaw::IdInQuery,
    Flaw::ExtraIdField,
    Flaw::None,
    Flaw::Method("GET"),
    Flaw::NoBody,
    Flaw::EmptyTitle,
    Flaw::ContentType("application/json-patch+json"),
];

/// The status handling of the seeded clients for `complete_reports_a_server_error`.
pub const STATUS_FLAWS: &[StatusFlaw] = &[
    StatusFlaw::None,
    StatusFlaw::As(502),
    StatusFlaw::Ignores,
    StatusFlaw::AsTransport,
    StatusFlaw::None,
    StatusFlaw::As(400),
    StatusFlaw::DecodesFirst,
];

/// The right body, written in each of the ways a correct client may write it.
const BODY_STYLES: &[&str] = &[
    r#"{"completed":true}"#,
    r#"{ "completed": true }"#,
    "{\n  \"completed\": true\n}",
    "{\"completed\" :\ttrue}",
];

/// Headers a correct client may add.
const EXTRA_HEADERS: &[Option<(&str, &str)>] = &[
    None,
    Some(("accept", "application/json")),
    Some(("x-request-id", "c0ffee-17")),
];

/// One seeded client.
#[derive(Debug, Clone)]
pub struct Seeded {
    pub seed: u64,
    pub flaw: Flaw,
    pub status: StatusFlaw,
    /// The right body as this client writes it.
    style: &'static str,
    extra_header: Option<(&'static str, &'static str)>,
    /// Whether it builds its URL with `Url::join` on a relative path (same URL, other code).
    joins: bool,
}

impl Seeded {
    fn dressed(seed: u64, flaw: Flaw, status: StatusFlaw) -> Seeded {
        let mut rng = SeededRng::new(seed);
        Seeded {
            seed,
            flaw,
            status,
            style: rng.pick(BODY_STYLES),
            extra_header: rng.pick(EXTRA_HEADERS),
            joins: rng.chance(0.5),
        }
    }

    /// The `index`th client for the patch test.
    pub fn for_patch_test(index: usize) -> Seeded {
        Seeded::dressed(1000 + index as u64, PATCH_FLAWS[index], StatusFlaw::None)
    }

    /// The `index`th client for the error test.
    pub fn for_status_test(index: usize) -> Seeded {
        Seeded::dressed(2000 + index as u64, Flaw::None, STATUS_FLAWS[index])
    }

    /// Whether the contract calls this client correct.
    pub fn is_correct(&self) -> bool {
        self.flaw == Flaw::None && self.status == StatusFlaw::None
    }

    /// The rule of the contract this client breaks, if any.
    pub fn rule(&self) -> Option<&'static str> {
        Some(match (self.flaw, self.status) {
            (Flaw::None, StatusFlaw::None) => return None,
            (Flaw::Method(_), _) => "the method is PATCH",
            (Flaw::TrailingSlash | Flaw::NextId | Flaw::IdInQuery, _) => {
                "the request goes to `{base URL}/todos/{id}`, with the id given"
            }
            (Flaw::Body(_) | Flaw::ExtraIdField | Flaw::NoBody, _) => {
                "the body is the JSON `{\"completed\": true}`, no field more or less"
            }
            (Flaw::ContentType(_), _) => "the header is `Content-Type: application/json`",
            (Flaw::GetAfter, _) => "exactly one request, of any kind",
            (Flaw::EmptyTitle, _) => "`complete` returns the server's todo, every field of it",
            (Flaw::None, _) => "a 500 is `Err(TodoError::Status(500))`",
        })
    }

    /// What this client does, for a message: `sends DELETE instead of PATCH (…)`.
    pub fn describe(&self) -> String {
        let what = match (self.flaw, self.status) {
            (Flaw::None, StatusFlaw::None) => "is correct".to_owned(),
            (Flaw::Method(method), _) => format!("sends {method} instead of PATCH"),
            (Flaw::TrailingSlash, _) => "sends to `{base URL}/todos/{id}/`, with a trailing \
                                         slash"
                .to_owned(),
            (Flaw::NextId, _) => "sends to `{base URL}/todos/{id + 1}`, the next todo".to_owned(),
            (Flaw::IdInQuery, _) => "sends to `{base URL}/todos?id={id}`".to_owned(),
            (Flaw::Body(body), _) => format!("sends the body `{body}`"),
            (Flaw::ExtraIdField, _) => {
                "sends the body `{\"completed\": true, \"id\": …}`, with the id as well".to_owned()
            }
            (Flaw::NoBody, _) => "sends no body (its header still says JSON)".to_owned(),
            (Flaw::ContentType(value), _) => format!("sends `Content-Type: {value}`"),
            (Flaw::GetAfter, _) => {
                "sends a GET of the todo after the right PATCH, to read it back".to_owned()
            }
            (Flaw::EmptyTitle, _) => "returns the server's todo with its title emptied".to_owned(),
            (Flaw::None, StatusFlaw::Ignores) => {
                "never looks at the status and decodes whatever body comes back".to_owned()
            }
            (Flaw::None, StatusFlaw::DecodesFirst) => {
                "decodes the body first and looks at the status only when that fails".to_owned()
            }
            (Flaw::None, StatusFlaw::AsTransport) => {
                "reports an error status as `TodoError::Transport`".to_owned()
            }
            (Flaw::None, StatusFlaw::As(code)) => {
                format!("reports every error status as `TodoError::Status({code})`")
            }
        };
        let mut details = vec![format!(
            "its JSON written `{}`",
            self.style.replace('\n', "\\n").replace('\t', "\\t")
        )];
        if let Some((name, value)) = self.extra_header {
            details.push(format!("an extra header `{name}: {value}`"));
        }
        if self.joins {
            details.push("its URL built with `Url::join`".to_owned());
        }
        format!("{what} (seed {}: {})", self.seed, details.join(", "))
    }

    /// "Complete todo `id` on the server at `base_url`", flaw included.
    pub async fn complete(&self, base_url: &str, id: u64) -> Result<Todo, TodoError> {
        let client = super::course_client(base_url).map_err(TodoError::Transport)?;
        let base = base_url.trim_end_matches('/');
        let tail = match self.flaw {
            Flaw::TrailingSlash => format!("todos/{id}/"),
            Flaw::NextId => format!("todos/{}", id + 1),
            Flaw::IdInQuery => format!("todos?id={id}"),
            _ => format!("todos/{id}"),
        };
        let url = if self.joins {
            Url::parse(&format!("{base}/"))
                .and_then(|base| base.join(&tail))
                .map(String::from)
                .unwrap_or_default()
        } else {
            format!("{base}/{tail}")
        };
        let method = match self.flaw {
            Flaw::Method(method) => Method::from_bytes(method.as_bytes()).unwrap_or(Method::PATCH),
            _ => Method::PATCH,
        };
        let body = match self.flaw {
            Flaw::Body(body) => Some(body.to_owned()),
            Flaw::ExtraIdField => Some(format!(r#"{{"completed": true, "id": {id}}}"#)),
            Flaw::NoBody => None,
            _ => Some(self.style.to_owned()),
        };
        let content_type = match self.flaw {
            Flaw::ContentType(value) => value,
            _ => "application/json",
        };
        let mut request = client
            .request(method, &url)
            .header(CONTENT_TYPE, content_type);
        if let Some(body) = body {
            request = request.body(body);
        }
        if let Some((name, value)) = self.extra_header {
            request = request.header(HeaderName::from_static(name), value);
        }
        let response = request.send().await.map_err(TodoError::Transport)?;
        if self.flaw == Flaw::GetAfter {
            let _ = client.get(&url).send().await;
        }
        let status = response.status();
        // On a success, decoding first is what every client does anyway.
        if self.status == StatusFlaw::DecodesFirst && !status.is_success() {
            let bytes = response.bytes().await.map_err(TodoError::Transport)?;
            return serde_json::from_slice::<Todo>(&bytes).map_err(|_| TodoError::Status(status));
        }
        if status.is_client_error() || status.is_server_error() {
            match self.status {
                StatusFlaw::None => return Err(TodoError::Status(status)),
                StatusFlaw::Ignores | StatusFlaw::DecodesFirst => {}
                StatusFlaw::AsTransport => {
                    return Err(TodoError::Transport(
                        response
                            .error_for_status()
                            .err()
                            .ok_or_else(|| TodoError::Status(status))?,
                    ));
                }
                StatusFlaw::As(code) => {
                    return Err(TodoError::Status(
                        StatusCode::from_u16(code).unwrap_or(status),
                    ));
                }
            }
        }
        let mut todo: Todo = response.json().await.map_err(|err| {
            if err.is_decode() {
                TodoError::Decode(err)
            } else {
                TodoError::Transport(err)
            }
        })?;
        if self.flaw == Flaw::EmptyTitle {
            todo.title.clear();
        }
        Ok(todo)
    }
}
