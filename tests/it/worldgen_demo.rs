//! The seed's ComputeThread demo runs unchanged and prints what the seed shows.

use super::common;

use std::time::Duration;

#[test]
fn worldgen_demo_output() {
    let r = common::pkpy(&["examples/worldgen/main.py"], &[], Duration::from_secs(60));
    assert_eq!(r.code, Some(0), "stderr: {}", r.stderr);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines[0], "Game Start");
    assert_eq!(lines[1], "Submit WorldGen Job");
    assert_eq!(lines.last().copied(), Some("World Generation Complete 3 10000 10"));
    // The main thread kept rendering frames while the world was generated
    // (the job sleeps 3 s; a frame takes 1 s).
    let frames: Vec<&&str> = lines.iter().filter(|l| l.starts_with("Frame: ")).collect();
    assert!(frames.len() >= 3, "{:?}", lines);
    for (i, f) in frames.iter().enumerate() {
        assert_eq!(**f, format!("Frame: {}", i + 1));
    }
}
