//! The printed handout: `lindung report` writes a PDF whose text can be read back (title,
//! Rupiah figures in numbers and words, each file's fingerprint), with its fonts embedded.
//! Read back with poppler's pdftotext and pdffonts (installed by the README's set-up).

#![allow(clippy::expect_used)]

use std::process::Command;

fn run(program: &str, args: &[&str]) -> std::process::Output {
    Command::new(program)
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap_or_else(|e| panic!("{program}: {e} (install poppler-utils)"))
}

#[test]
fn the_report_has_searchable_text_traceable_to_its_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = dir.path().join("laporan.pdf");
    let pdf_name = pdf.to_str().expect("utf-8");
    let out = run(
        env!("CARGO_BIN_EXE_lindung"),
        &[
            "report",
            "scenarios/palu-2026.ron",
            "scenarios/sigi-anggaran-2026.ron",
            "--pdf",
            pdf_name,
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&run("pdftotext", &[pdf_name, "-"]).stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        text.contains("Kota Palu 2026–2030: perlindungan pekerja rentan"),
        "{text}"
    );
    // Kota Palu pays for all 60.426 members in 2026 at Rp16.800 a month:
    // 60.426 × 16.800 × 12 = Rp12.181.881.600, written in words as budget documents do.
    assert!(
        text.contains(
            "Rp12.181.881.600 (dua belas miliar seratus delapan puluh satu juta delapan ratus \
             delapan puluh satu ribu enam ratus rupiah)"
        ),
        "{text}"
    );
    // Every page's footer names each file with the fingerprint of its content.
    for file in ["palu-2026.ron", "sigi-anggaran-2026.ron"] {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("scenarios")
            .join(file);
        let plan = lindung::scenario::load(&path).expect("loads").plan;
        let standard = lindung::scenario::plan_text(&plan).expect("writes");
        let fingerprint = format!("{:08x}", crc32fast::hash(standard.as_bytes()));
        assert!(
            text.contains(&format!("{file} (sidik jari {fingerprint})")),
            "{file}: {text}"
        );
    }
    // Two scenarios: the comparison, the second against the first.
    assert!(text.contains("Perbandingan skenario"), "{text}");
    let pages = text.matches("halaman ").count();
    assert!(pages >= 6, "{pages} pages");
    // The font is embedded (and subset).
    let fonts = String::from_utf8_lossy(&run("pdffonts", &[pdf_name]).stdout).into_owned();
    let font_line = fonts.lines().nth(2).unwrap_or_default();
    assert!(font_line.contains("yes yes"), "{fonts}");
}
