//! Correct: the control for `trailing_data_after_patch_ignored_like_raw_decode.rs` and `utf16_body_decoded_like_python_json_loads.rs`: the body is read by an extractor of the learner's own that takes it apart the way `Json` does (the content type asked of `Json` itself with the headers and an empty body, so its 415 comes first and before any byte is read; then `Bytes`, whose refusals, 413 included, are `Json`'s own; then `Json::from_bytes`, whose 400s and 422s are word for word `Json`'s), with no second try of any kind, so every request is taken or refused exactly as `Json<PostPatch>` takes or refuses it.

use axum::Json;
use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, Path, Request, State};
use axum::routing::patch;
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;
use serde::de::IgnoredAny;

/// The fields a `PATCH` may change; absent or `null` is `None`, other fields are ignored.
#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// The patch, read in the three steps `Json` reads a body in.
struct PatchBody(PostPatch);

impl<S> FromRequest<S> for PatchBody
where
    S: Send + Sync,
{
    type Rejection = JsonRejection;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let mut probe = Request::new(Body::empty());
        probe.headers_mut().clone_from(req.headers());
        if let Err(refused @ JsonRejection::MissingJsonContentType(_)) =
            Json::<IgnoredAny>::from_request(probe, state).await
        {
            return Err(refused);
        }
        let bytes = Bytes::from_request(req, state).await?;
        let Json(patch) = Json::<PostPatch>::from_bytes(&bytes)?;
        Ok(PatchBody(patch))
    }
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

/// `PATCH /posts/{id}`: every check first, then every change.
async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    PatchBody(patch): PatchBody,
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
