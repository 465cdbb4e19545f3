//! Wrong: breaks "a field that is absent or `null` keeps its value"
//! The learner read RFC 7396, JSON Merge Patch, in which `null` means "remove this member", and
//! applies it only when the client says that is what it sends, `Content-Type:
//! application/merge-patch+json` ("a plain JSON patch keeps the API's rule, a merge patch gets
//! its RFC's"). A post cannot lose a member, so a removed `body` becomes empty and a removed
//! `title` is a blank title, refused with `check_title`'s 422. Every `null` sent as
//! `application/json` keeps its value, and a merge patch without a `null` is applied as it
//! should be; `{"body": null}` sent as a merge patch empties the body.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, header};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, Visitor};

/// Each field: absent (`None`), `null` (`Some(None)`), or a string (`Some(Some(..))`). Read by
/// hand (serde's own `#[serde(default)]` recipe would also take `[]` as a patch).
struct PostPatch {
    title: Option<Option<String>>,
    body: Option<Option<String>>,
}

impl<'de> Deserialize<'de> for PostPatch {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<PostPatch, D::Error> {
        struct PatchVisitor;

        impl<'de> Visitor<'de> for PatchVisitor {
            type Value = PostPatch;

            fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
                formatter.write_str("struct PostPatch")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<PostPatch, A::Error> {
                let mut patch = PostPatch {
                    title: None,
                    body: None,
                };
                while let Some(key) = map.next_key::<String>()? {
                    let slot = match key.as_str() {
                        "title" => &mut patch.title,
                        "body" => &mut patch.body,
                        _ => {
                            map.next_value::<IgnoredAny>()?;
                            continue;
                        }
                    };
                    if slot.is_some() {
                        return Err(de::Error::custom(format_args!("duplicate field `{key}`")));
                    }
                    *slot = Some(map.next_value::<Option<String>>()?);
                }
                Ok(patch)
            }
        }

        deserializer.deserialize_map(PatchVisitor)
    }
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

/// Whether the client sent an RFC 7396 merge patch.
fn is_merge_patch(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(';').next())
        .is_some_and(|essence| {
            essence
                .trim()
                .eq_ignore_ascii_case("application/merge-patch+json")
        })
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    headers: HeaderMap,
    Json(changes): Json<PostPatch>,
) -> Result<Json<Post>, ApiError> {
    let merge = is_merge_patch(&headers);
    // What each field becomes: `None` keeps it. In a merge patch, `null` removes the member,
    // which for a post's strings means the empty string.
    let resolve = |field: Option<Option<String>>| match field {
        Some(Some(value)) => Some(value),
        Some(None) if merge => Some(String::new()),
        Some(None) | None => None,
    };
    let title = resolve(changes.title);
    let body = resolve(changes.body);
    if let Some(title) = &title {
        check_title(title)?;
    }
    let mut store = state.store();
    let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
    if let Some(title) = title {
        post.title = title;
    }
    if let Some(body) = body {
        post.body = body;
    }
    Ok(Json(post.clone()))
}
