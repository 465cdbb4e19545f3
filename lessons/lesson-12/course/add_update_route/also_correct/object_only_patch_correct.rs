//! Correct: the patch type has a hand-written `Deserialize` (the serde book's "Implementing
//! Deserialize" visitor) that asks for a map only, so `["t", "b"]`, which serde's derive reads as
//! the struct, is refused with a 422 (the contract allows either); objects are read as the derive
//! reads them: unknown members skipped with `IgnoredAny`, `null` or absent as `None`, a member
//! given twice refused as `duplicate_field`. Refusals of other shapes (`[]`, `null`) are still
//! 422s, with serde's "invalid type" wording.

use std::fmt;

use axum::extract::{Path, State};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, Visitor};

/// The fields a patch may change; `null` or absent keeps the value.
#[derive(Debug)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

impl<'de> Deserialize<'de> for PostPatch {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<PostPatch, D::Error> {
        deserializer.deserialize_map(PatchVisitor)
    }
}

struct PatchVisitor;

impl<'de> Visitor<'de> for PatchVisitor {
    type Value = PostPatch;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("struct PostPatch")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<PostPatch, A::Error> {
        let mut title: Option<Option<String>> = None;
        let mut body: Option<Option<String>> = None;
        while let Some(key) = map.next_key::<String>()? {
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
    if let Some(title) = patch.title.as_deref() {
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
