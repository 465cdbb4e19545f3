//! Wrong: breaks "any other status (a 3xx the client does not follow, say a 300) is an answer like a 200" (and with it "one GET `{base_url}/posts/{id}` per entry of `ids`")
//! The learner knows that reqwest follows 301, 302, 303, 307 and 308 itself, and that a 300
//! Multiple Choices is a menu to be handed back as it is. But the `client` comes from the caller,
//! who may have built it with `redirect::Policy::none()` (or a small limit): then a post that has
//! moved comes back as a bare 301 or 302, and "a moved post is still the post", so one hop to its
//! `Location` is made by hand and that answer is digested.

use futures::future::join_all;
use reqwest::header::LOCATION;
use reqwest::{Client, Response};

/// The statuses a redirecting client follows; a 300 is not among them.
const MOVED: [u16; 5] = [301, 302, 303, 307, 308];

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|id| {
        let url = format!("{base_url}/posts/{id}");
        async move {
            let response = follow_one_hop(client, client.get(&url).send().await?).await?;
            let body = response.error_for_status()?.bytes().await?;
            let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
            Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
        }
    });
    join_all(each).await
}

/// A redirect the client handed back unfollowed is followed here, once.
async fn follow_one_hop(client: &Client, response: Response) -> Result<Response, reqwest::Error> {
    if !MOVED.contains(&response.status().as_u16()) {
        return Ok(response);
    }
    let target = response
        .headers()
        .get(LOCATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|location| response.url().join(location).ok());
    match target {
        Some(target) => {
            drop(response);
            client.get(target).send().await
        }
        None => Ok(response),
    }
}
