//! Wrong: breaks "its URL made by appending to `base_url`, which may end in a path such as `/api` that must be kept, through `client`" for a call whose `base_url` has no credentials, made after an earlier call to the same API root with `user:password@` in its base (`http://alice:s3cret@127.0.0.1:PORT/api`, then `http://127.0.0.1:PORT/api`: the second call's GETs carry `Authorization: Basic YWxpY2U6czNjcmV0`)
//!
//! The `requests.Session` habit: once a session has logged in to an API, every later request
//! to that API carries the login. The answer keeps, per API root (the base with its
//! credentials taken out), the `Authorization` header that reqwest made from the base's
//! `user:password@`, and adds it to later calls whose base names the same root without
//! credentials, "so a caller that logged in once stays logged in". The requests of a call
//! whose base has credentials are exactly reqwest's own, so every check of credentials in a
//! base passes; but a later call to a base without credentials sends someone else's login: its
//! request is not the one its `base_url` makes (and it leaks a password across callers).

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};

use futures::future::join_all;
use reqwest::header::{AUTHORIZATION, HeaderValue};
use reqwest::{Client, Url};

/// The login last seen for each API root, as reqwest put it in the request.
static SESSION_AUTH: LazyLock<Mutex<HashMap<String, HeaderValue>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

/// The base without its `user:password@`: the key under which a login is remembered.
fn api_root(base_url: &str) -> String {
    match Url::parse(base_url) {
        Ok(mut url) => {
            let _ = url.set_username("");
            let _ = url.set_password(None);
            url.to_string()
        }
        Err(_) => base_url.to_owned(),
    }
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let root = api_root(base_url);
    let root = root.as_str();
    let each = ids.iter().map(|id| async move {
        // reqwest moves the base's credentials into an `Authorization` header when it builds
        // the request; keep it for this API, or reuse the one kept earlier.
        let mut request = client.get(format!("{base_url}/posts/{id}")).build()?;
        let own = request.headers().get(AUTHORIZATION).cloned();
        match own {
            Some(auth) => {
                SESSION_AUTH.lock().unwrap().insert(root.to_owned(), auth);
            }
            None => {
                let remembered = SESSION_AUTH.lock().unwrap().get(root).cloned();
                if let Some(auth) = remembered {
                    request.headers_mut().insert(AUTHORIZATION, auth);
                }
            }
        }
        let body = client
            .execute(request)
            .await?
            .error_for_status()?
            .bytes()
            .await?;
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}
