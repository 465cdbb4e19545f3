//! The maintainers' tools that are not part of Rust's toolchain (mdBook, cargo-mutants), at the
//! versions the course pins, installed on first use so that `cargo xtask verify` needs nothing
//! but the toolchain on a fresh machine.
//!
//! A tool already on `PATH` at the pinned version is used as it is. Otherwise it is installed
//! with `cargo install --locked` into `target/xtask/tools`, inside the course, where `cargo
//! clean` removes it and nothing outside the course folder changes.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::cargo;
use crate::error::{Error, Result};

/// A tool from crates.io, pinned.
pub struct Tool {
    /// The crate to `cargo install`.
    pub krate: &'static str,
    /// The version the course is written and measured with.
    pub version: &'static str,
    /// The executable it installs.
    pub binary: &'static str,
    /// The arguments before `--version` that make it print its version (cargo-mutants runs as
    /// `cargo-mutants mutants …`, as cargo would start it).
    pub subcommand: &'static [&'static str],
}

pub const MDBOOK: Tool = Tool {
    krate: "mdbook",
    version: "0.5.4",
    binary: "mdbook",
    subcommand: &[],
};

pub const CARGO_MUTANTS: Tool = Tool {
    krate: "cargo-mutants",
    version: "27.1.0",
    binary: "cargo-mutants",
    subcommand: &["mutants"],
};

impl Tool {
    /// The tool's executable: the one on `PATH` if it is the pinned version, else the course's
    /// own copy, installed now if it is not there yet.
    pub fn ensure(&self, root: &Path) -> Result<PathBuf> {
        if self.is_pinned_version(Path::new(self.binary)) {
            return Ok(PathBuf::from(self.binary));
        }
        let folder = root.join("target/xtask/tools");
        let local = folder.join("bin").join(self.binary);
        if self.is_pinned_version(&local) {
            return Ok(local);
        }
        println!(
            "{} {} is not installed; installing it into target/xtask/tools (once)",
            self.krate, self.version
        );
        let mut command = cargo::cargo(root);
        command
            .args(["install", self.krate, "--locked", "--version", self.version])
            .arg("--root")
            .arg(&folder);
        if cargo::run_in_view(command)? && self.is_pinned_version(&local) {
            Ok(local)
        } else {
            Err(Error::Failed(format!(
                "could not install {} {}; try `cargo install {} --locked --version {}`",
                self.krate, self.version, self.krate, self.version
            )))
        }
    }

    /// Whether `program` runs and says it is the pinned version.
    fn is_pinned_version(&self, program: &Path) -> bool {
        Command::new(program)
            .args(self.subcommand)
            .arg("--version")
            .stdin(Stdio::null())
            .stderr(Stdio::null())
            .output()
            .is_ok_and(|output| {
                let said = String::from_utf8_lossy(&output.stdout);
                said.split_whitespace()
                    .any(|word| word.trim_start_matches('v') == self.version)
            })
    }
}
