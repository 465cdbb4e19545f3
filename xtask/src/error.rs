//! The two ways a command can go wrong, and the exit status each one gets.
//!
//! Every error is a message written for the learner (`error: …` plus what to do), never a panic:
//! the runner is the first tool a newcomer to the course meets, so its failures must teach too.

use std::fmt;

/// A command that could not do its job; `main` prints it as one `error: …` line.
#[derive(Debug, PartialEq, Eq)]
pub enum Error {
    /// The command line was wrong (unknown command, bad exercise number): exit status 2, the
    /// convention for "you called me wrongly".
    Usage(String),
    /// The command was fine but the work failed (a file could not be read, cargo did not start):
    /// exit status 1.
    Failed(String),
}

impl Error {
    /// The exit status this error ends the program with.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Usage(_) => 2,
            Error::Failed(_) => 1,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Usage(message) | Error::Failed(message) => f.write_str(message),
        }
    }
}

/// Shorthand used by every module of the runner.
pub type Result<T> = std::result::Result<T, Error>;
