//! Correct, another way: a guard that removes the temporary file when dropped, unless the
//! rename went through; a `BufWriter` with `flush`; `sync_data`; a name made unique by the
//! process id and a random number rather than a counter.

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::io;
use std::path::{Path, PathBuf};

use tokio::io::{AsyncWriteExt, BufWriter};

/// The temporary file, removed on drop unless `kept`.
struct Temporary {
    path: PathBuf,
    kept: bool,
}

impl Drop for Temporary {
    fn drop(&mut self) {
        if !self.kept {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

pub async fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "no file name"))?;
    // A fresh `RandomState` is seeded anew each time: a random 64-bit number.
    let random = RandomState::new().build_hasher().finish();
    let mut temp = Temporary {
        path: path.with_file_name(format!(
            "~{}.{}-{random:016x}",
            name.to_string_lossy(),
            std::process::id()
        )),
        kept: false,
    };
    let file = tokio::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&temp.path)
        .await?;
    let mut writer = BufWriter::new(file);
    writer.write_all(contents).await?;
    writer.flush().await?;
    writer.get_ref().sync_data().await?;
    drop(writer);
    tokio::fs::rename(&temp.path, path).await?;
    temp.kept = true;
    Ok(())
}
