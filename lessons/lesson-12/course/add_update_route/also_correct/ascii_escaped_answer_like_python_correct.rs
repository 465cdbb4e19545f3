//! Correct: the answer is written the way Python's `json.dumps` writes it by default
//! (`ensure_ascii=True`): every character outside ASCII is a `\uXXXX` escape (a surrogate pair
//! for one outside the BMP, an emoji), through a `serde_json::ser::Formatter` of the learner's
//! own, with `application/json` set by hand. The bytes differ from `GET`'s for a non-ASCII
//! title, but the JSON text means the same post, member for member, in the same order.

use std::io;

use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use serde::{Deserialize, Serialize};
use serde_json::ser::Formatter;

#[derive(Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// serde_json's compact output, with every non-ASCII character escaped.
struct AsciiFormatter;

impl Formatter for AsciiFormatter {
    fn write_string_fragment<W>(&mut self, writer: &mut W, fragment: &str) -> io::Result<()>
    where
        W: ?Sized + io::Write,
    {
        let mut units = [0u16; 2];
        for ch in fragment.chars() {
            if ch.is_ascii() {
                let mut byte = [0u8; 1];
                writer.write_all(ch.encode_utf8(&mut byte).as_bytes())?;
            } else {
                for unit in ch.encode_utf16(&mut units) {
                    write!(writer, "\\u{:04x}", unit)?;
                }
            }
        }
        Ok(())
    }
}

impl AsciiFormatter {
    fn to_vec<T: Serialize>(value: &T) -> serde_json::Result<Vec<u8>> {
        let mut out = Vec::new();
        let mut serializer = serde_json::Serializer::with_formatter(&mut out, AsciiFormatter);
        value.serialize(&mut serializer)?;
        Ok(out)
    }
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(patch): Json<PostPatch>,
) -> Result<Response, ApiError> {
    if let Some(title) = &patch.title {
        check_title(title)?;
    }
    let post = {
        let mut store = state.store();
        let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
        if let Some(title) = patch.title {
            post.title = title;
        }
        if let Some(body) = patch.body {
            post.body = body;
        }
        post.clone()
    };
    match AsciiFormatter::to_vec(&post) {
        Ok(bytes) => Ok((
            [(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            )],
            bytes,
        )
            .into_response()),
        // A `Post` is strings and numbers: serializing it cannot fail, but no panic either way.
        Err(_) => Ok(StatusCode::INTERNAL_SERVER_ERROR.into_response()),
    }
}
