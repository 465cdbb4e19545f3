//! Wrong: breaks "one GET `{base_url}/posts/{id}` per entry of `ids` (...), its URL made by appending to `base_url`, which may end in a path such as `/api` that must be kept, through `client`"
//! The learner will not send a password inside a URL, where logs and error messages show it: the
//! `user:password@` of the base is taken out of each URL and sent as `basic_auth(user, password)`,
//! the way `requests` sends `auth=(parts.username, parts.password)` after `urlsplit`. But
//! `Url::username()` and `Url::password()` give them still percent-encoded (as Python's `urlsplit`
//! does), and the learner never decodes them: a user `me%40example.com` or a password `p%40ss` goes
//! out as those very characters, where the URL itself (and reqwest, which decodes them) means
//! `me@example.com` and `p@ss`. Plain letters and digits, as in most test URLs, come out the same.

use futures::future::join_all;
use reqwest::{Client, RequestBuilder, Url};

/// The GET for one post, the base's credentials moved out of the URL into an `Authorization`.
fn request_for(client: &Client, base_url: &str, id: u64) -> RequestBuilder {
    let raw = format!("{base_url}/posts/{id}");
    let Ok(mut url) = Url::parse(&raw) else {
        // Not a URL: reqwest reports that as this entry's error.
        return client.get(raw);
    };
    let credentials = url
        .password()
        .map(|password| (url.username().to_owned(), password.to_owned()));
    let Some((user, password)) = credentials else {
        return client.get(raw);
    };
    if url.set_username("").is_err() || url.set_password(None).is_err() {
        return client.get(raw);
    }
    client.get(url).basic_auth(user, Some(password))
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|&id| async move {
        let body = request_for(client, base_url, id)
            .send()
            .await?
            .error_for_status()?
            .bytes()
            .await?;
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}
