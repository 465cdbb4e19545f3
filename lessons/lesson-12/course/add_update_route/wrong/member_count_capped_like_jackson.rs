//! Wrong: breaks "any other field (`id`, `userId`, …) is ignored" for a patch object with more than 64 members (a client that sends its whole form model, `{"title": "t", "f1": 0, …, "f64": 0}`: 422 instead of the edit)
//!
//! A hardening pass after reading about hash-flooding and "JSON bombs": Jackson 2.15 added
//! `StreamReadConstraints`, OWASP's API checklist says to bound every dimension of an input,
//! and the app's 16 KiB body limit still lets through thousands of tiny members that serde
//! parses and skips one by one. So the patch type gets a hand-written `Deserialize` that counts
//! the members of the object and refuses the 65th with a data error (a 422 through `Json`),
//! and is otherwise the derive written out (the same `expecting` text, the same sequence form,
//! the same "duplicate field" error, unknown fields skipped with `IgnoredAny`).

use std::fmt;

use axum::Json;
use axum::Router;
use axum::extract::{Path, State};
use axum::routing::patch;
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

/// The most members a patch object may have: far more than a post has fields.
const MAX_MEMBERS: usize = 64;

/// The fields a `PATCH` may change; `None` keeps the post's value.
#[derive(Debug)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

const FIELDS: &[&str] = &["title", "body"];

impl<'de> Deserialize<'de> for PostPatch {
    fn deserialize<D>(deserializer: D) -> Result<Self, D::Error>
    where
        D: Deserializer<'de>,
    {
        deserializer.deserialize_struct("PostPatch", FIELDS, PatchVisitor)
    }
}

struct PatchVisitor;

impl<'de> Visitor<'de> for PatchVisitor {
    type Value = PostPatch;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("struct PostPatch")
    }

    fn visit_seq<A>(self, mut seq: A) -> Result<PostPatch, A::Error>
    where
        A: SeqAccess<'de>,
    {
        let Some(title) = seq.next_element::<Option<String>>()? else {
            return Err(de::Error::invalid_length(
                0,
                &"struct PostPatch with 2 elements",
            ));
        };
        let Some(body) = seq.next_element::<Option<String>>()? else {
            return Err(de::Error::invalid_length(
                1,
                &"struct PostPatch with 2 elements",
            ));
        };
        Ok(PostPatch { title, body })
    }

    fn visit_map<A>(self, mut map: A) -> Result<PostPatch, A::Error>
    where
        A: MapAccess<'de>,
    {
        let mut title: Option<Option<String>> = None;
        let mut body: Option<Option<String>> = None;
        let mut members = 0_usize;
        while let Some(key) = map.next_key::<String>()? {
            members += 1;
            if members > MAX_MEMBERS {
                return Err(de::Error::custom(format_args!(
                    "a patch has at most {MAX_MEMBERS} fields"
                )));
            }
            match key.as_str() {
                "title" => {
                    if title.is_some() {
                        return Err(de::Error::duplicate_field("title"));
                    }
                    title = Some(map.next_value()?);
                }
                "body" => {
                    if body.is_some() {
                        return Err(de::Error::duplicate_field("body"));
                    }
                    body = Some(map.next_value()?);
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(PostPatch {
            title: title.flatten(),
            body: body.flatten(),
        })
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
) -> Result<Json<Post>, ApiError> {
    if let Some(title) = &patch.title {
        check_title(title)?;
    }
    let mut store = state.store();
    let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
    if let Some(title) = patch.title {
        post.title = title;
    }
    if let Some(body) = patch.body {
        post.body = body;
    }
    Ok(Json(post.clone()))
}
