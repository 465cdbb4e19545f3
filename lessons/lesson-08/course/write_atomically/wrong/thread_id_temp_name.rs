//! Wrong: breaks "under a name that no other write uses at the same time: several writes at once, to different paths or to the same one, all succeed": the temporary name is made unique with the process id and the *thread* id instead of a counter, but concurrent writes are tasks, and tasks on one runtime thread share its id, so two writes of the same `path` at once pick the same name: the second one's `create_new` fails with `AlreadyExists`, and its cleanup then deletes the first one's temporary file.

use std::ffi::OsString;
use std::io;
use std::path::{Path, PathBuf};

use tokio::io::AsyncWriteExt;

/// The process id tells two programs apart, the thread id two writers inside this one.
fn temp_path_beside(path: &Path) -> io::Result<PathBuf> {
    let name = path.file_name().ok_or_else(|| {
        io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{} does not name a file", path.display()),
        )
    })?;
    let thread = format!("{:?}", std::thread::current().id());
    // "ThreadId(3)" -> "3"
    let thread: String = thread.chars().filter(char::is_ascii_digit).collect();
    let mut temp = OsString::from(".");
    temp.push(name);
    temp.push(format!(".tmp-{}-{}", std::process::id(), thread));
    Ok(path.with_file_name(temp))
}

/// Writes `contents` to `path` atomically: all of it or none of it.
pub async fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    let temp = temp_path_beside(path)?;
    let written = write_then_rename(&temp, path, contents).await;
    if written.is_err() {
        let _ = tokio::fs::remove_file(&temp).await;
    }
    written
}

async fn write_then_rename(temp: &Path, path: &Path, contents: &[u8]) -> io::Result<()> {
    let mut file = tokio::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(temp)
        .await?;
    file.write_all(contents).await?;
    file.flush().await?;
    file.sync_all().await?;
    drop(file);
    tokio::fs::rename(temp, path).await
}
