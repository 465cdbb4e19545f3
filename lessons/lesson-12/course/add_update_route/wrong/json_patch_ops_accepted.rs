//! Wrong: breaks "a request the API's extractors refuse is that extractor's answer, and changes nothing: … JSON of another shape (`{"title": 5}`, `[]`, `null`: 422 …)"
//! The learner comes from ASP.NET Core, where the canonical PATCH takes a `JsonPatchDocument<T>`
//! (RFC 6902: `[{"op": "replace", "path": "/title", "value": "…"}]`), and from Kubernetes, which
//! takes both that and a merge patch. So the body is an `#[serde(untagged)]` enum of the two:
//! objects behave exactly as the contract says, but an array of operations is applied, and `[]`, an
//! empty list of operations, is read as "nothing to do" and answered 200 instead of 422.

use axum::extract::{Path, State};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// A merge patch: the fields to set.
#[derive(Debug, Default, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// One RFC 6902 operation. Only the ones that set a value make sense for a post's text.
#[derive(Debug, Deserialize)]
struct PatchOp {
    op: String,
    path: String,
    #[serde(default)]
    value: Option<String>,
}

/// What a client may send: a merge patch (an object), or a JSON Patch (a list of operations),
/// as Kubernetes' API server takes both.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum PatchBody {
    Merge(PostPatch),
    Ops(Vec<PatchOp>),
}

impl PatchBody {
    /// Both kinds, as the fields to set: the operations are applied in order, the last wins.
    fn into_patch(self) -> Result<PostPatch, ApiError> {
        match self {
            PatchBody::Merge(patch) => Ok(patch),
            PatchBody::Ops(ops) => ops
                .into_iter()
                .try_fold(PostPatch::default(), |mut acc, op| {
                    if op.op != "replace" && op.op != "add" {
                        return Err(ApiError::Invalid("only `replace` and `add` are supported"));
                    }
                    match op.path.as_str() {
                        "/title" => acc.title = op.value,
                        "/body" => acc.body = op.value,
                        // A post's id and author never change: ignored, as in a merge patch.
                        _ => {}
                    }
                    Ok(acc)
                }),
        }
    }
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(body): Json<PatchBody>,
) -> Result<Json<Post>, ApiError> {
    let patch = body.into_patch()?;
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
