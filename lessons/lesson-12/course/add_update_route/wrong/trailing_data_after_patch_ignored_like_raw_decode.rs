//! Wrong: breaks "a request the API's extractors refuse is that extractor's answer, and changes nothing: [...] a body that is not JSON (400)" for a patch followed by anything else (`{"title": "x"} junk`, `{"title": "x"}{"title": "y"}`, `{"title": "x"}]`)
//! The learner wrote a body extractor of their own that is "liberal in what it accepts": it
//! asks `Json` itself whether the `Content-Type` is one it takes (with an empty body, so the 415
//! comes first, as `Json` gives it), buffers the body with `Bytes` (so a body too big is the same
//! 413), and reads it with `Json::from_bytes` (so every refusal is word for word `Json`'s). Only
//! when `Json` calls the body a syntax error does it try once more, the way Python's
//! `json.JSONDecoder().raw_decode` does: read the first JSON value and ignore what follows it
//! (a client that glued two documents together, or a proxy's stray bytes). A body that is one
//! JSON value, which is every body of the common case, is read exactly as `Json` reads it. But a
//! body with anything after its value is not JSON, and `Json` refuses it with a 400; here the
//! first value is applied and answered `200`.

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

/// The patch, read as `Json` reads it, but with anything after the first value ignored.
struct LenientPatch(PostPatch);

impl<S> FromRequest<S> for LenientPatch
where
    S: Send + Sync,
{
    type Rejection = JsonRejection;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        // The content type first, as `Json` checks it: ask `Json`, with the headers and no body.
        let mut probe = Request::new(Body::empty());
        probe.headers_mut().clone_from(req.headers());
        if let Err(refused @ JsonRejection::MissingJsonContentType(_)) =
            Json::<IgnoredAny>::from_request(probe, state).await
        {
            return Err(refused);
        }
        let bytes = Bytes::from_request(req, state).await?;
        match Json::<PostPatch>::from_bytes(&bytes) {
            Ok(Json(patch)) => Ok(LenientPatch(patch)),
            Err(refused @ JsonRejection::JsonSyntaxError(_)) => {
                // `raw_decode`: the first value, if there is one, and never mind the rest.
                let mut values =
                    serde_json::Deserializer::from_slice(&bytes).into_iter::<PostPatch>();
                match values.next() {
                    Some(Ok(patch)) => Ok(LenientPatch(patch)),
                    _ => Err(refused),
                }
            }
            Err(refused) => Err(refused),
        }
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
    LenientPatch(patch): LenientPatch,
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
