//! Turns `assessments/*.toml` into Rust statics at build time, failing the
//! build with file, line and reason when a file is malformed.
//! The files live in the workspace's top-level `assessments/` folder.
//! `ASSESSMENTS_DIR` (relative to the workspace) points it at another folder,
//! which the tests use to prove that broken files fail the build.

#[path = "build/assessment_file.rs"]
mod assessment_file;

use std::path::{Path, PathBuf};

fn main() {
    let manifest_dir = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let workspace_dir = manifest_dir.parent().expect("core/ sits in the workspace");
    let dir_name = std::env::var("ASSESSMENTS_DIR").unwrap_or_else(|_| "assessments".to_owned());
    println!("cargo::rerun-if-env-changed=ASSESSMENTS_DIR");
    println!(
        "cargo::rerun-if-changed={}",
        workspace_dir.join(&dir_name).display()
    );
    println!("cargo::rerun-if-changed=build/assessment_file.rs");

    match read_all(workspace_dir, &dir_name) {
        Ok(files) => {
            let out = PathBuf::from(std::env::var("OUT_DIR").expect("set by cargo"));
            std::fs::write(
                out.join("assessments.rs"),
                assessment_file::generate_rust(&files),
            )
            .expect("write generated assessments");
        }
        Err(diagnostic) => {
            eprintln!("error: malformed assessment file: {diagnostic}");
            println!("cargo::error=malformed assessment file: {diagnostic}");
            std::process::exit(1);
        }
    }
}

fn read_all(
    workspace_dir: &Path,
    dir_name: &str,
) -> Result<Vec<assessment_file::CheckedFile>, assessment_file::Diagnostic> {
    let dir = workspace_dir.join(dir_name);
    let unreadable = |reason: String| assessment_file::Diagnostic {
        file: format!("{dir_name}/"),
        line: 1,
        column: 1,
        reason,
    };
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map_err(|e| unreadable(format!("cannot read the folder: {e}")))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    paths.sort();
    let mut files = Vec::new();
    for path in paths {
        let name = format!(
            "{dir_name}/{}",
            path.file_name().expect("file").to_string_lossy()
        );
        let source = std::fs::read_to_string(&path).map_err(|e| assessment_file::Diagnostic {
            file: name.clone(),
            line: 1,
            column: 1,
            reason: format!("cannot read the file as UTF-8 text: {e}"),
        })?;
        files.push(assessment_file::check_file(&name, &source)?);
    }
    assessment_file::check_set(&files)?;
    Ok(files)
}
