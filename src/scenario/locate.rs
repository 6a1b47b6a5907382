//! Finds the line of a field in a scenario's text (`regions[9].coverage.start_pct` → line 214),
//! so that a problem found in the values can be shown where the file has it. The RON reader
//! keeps no positions, so the text is read a second time, here, only for its shape: named
//! fields, lists and the lines they start on.
//!
//! Reading is linear in the text and never fails: text it does not understand just gives no
//! line. A field left out of the file (its default used) gets the line of the nearest
//! enclosing part that is written.

use super::problem::{Location, Problem, count_arg};
use crate::model::limits::{MAX_NOTE_CHARS, MAX_TEXT_CHARS};
use crate::model::plan::field::{FieldPath, Step};

/// Deepest nesting followed; a scenario is about 8 deep.
const MAX_NESTING: usize = 32;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Token<'a> {
    Ident(&'a str),
    Open(u8),
    Close,
    Comma,
    Colon,
    /// A number or a name-like value.
    Scalar,
    /// A string or character, with the number of characters between its quotes.
    Text(usize),
}

/// The text's tokens with their lines and byte offsets (comments and spaces dropped), and how
/// many comments it has.
fn tokens(text: &str) -> (Vec<(Token<'_>, usize, usize)>, usize) {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut comments = 0;
    let mut line = 1;
    let mut i = 0;
    let count_lines =
        |from: usize, to: usize| bytes[from..to].iter().filter(|&&b| b == b'\n').count();
    while i < bytes.len() {
        let start = i;
        let b = bytes[i];
        match b {
            b'\n' => {
                line += 1;
                i += 1;
            }
            b' ' | b'\t' | b'\r' => i += 1,
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                comments += 1;
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                comments += 1;
                // Block comments nest in RON.
                let mut depth = 0usize;
                while i < bytes.len() {
                    if bytes[i..].starts_with(b"/*") {
                        depth += 1;
                        i += 2;
                    } else if bytes[i..].starts_with(b"*/") {
                        depth -= 1;
                        i += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        i += 1;
                    }
                }
                line += count_lines(start, i.min(bytes.len()));
            }
            b'"' | b'\'' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                i = (i + 1).min(bytes.len());
                out.push((
                    Token::Text(text[start..i].chars().count().saturating_sub(2)),
                    line,
                    start,
                ));
                line += count_lines(start, i);
            }
            b'r' if matches!(bytes.get(i + 1), Some(b'"' | b'#')) => {
                // A raw string: r"…" or r#"…"#.
                let hashes = bytes[i + 1..].iter().take_while(|&&c| c == b'#').count();
                let mut end = Vec::with_capacity(hashes + 1);
                end.push(b'"');
                end.extend(std::iter::repeat_n(b'#', hashes));
                i += 2 + hashes;
                while i < bytes.len() && !bytes[i..].starts_with(&end) {
                    i += 1;
                }
                i = (i + end.len()).min(bytes.len());
                let quotes = 2 * (hashes + 1) + 1;
                out.push((
                    Token::Text(text[start..i].chars().count().saturating_sub(quotes)),
                    line,
                    start,
                ));
                line += count_lines(start, i);
            }
            b'(' | b'[' | b'{' => {
                out.push((Token::Open(b), line, start));
                i += 1;
            }
            b')' | b']' | b'}' => {
                out.push((Token::Close, line, start));
                i += 1;
            }
            b',' => {
                out.push((Token::Comma, line, start));
                i += 1;
            }
            b':' => {
                out.push((Token::Colon, line, start));
                i += 1;
            }
            _ if b.is_ascii_alphabetic() || b == b'_' => {
                while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                    i += 1;
                }
                out.push((Token::Ident(&text[start..i]), line, start));
            }
            _ => {
                // Numbers and anything else: up to the next separator.
                while i < bytes.len()
                    && !matches!(
                        bytes[i],
                        b' ' | b'\t'
                            | b'\r'
                            | b'\n'
                            | b','
                            | b':'
                            | b'('
                            | b')'
                            | b'['
                            | b']'
                            | b'{'
                            | b'}'
                            | b'"'
                    )
                {
                    i += 1;
                }
                out.push((Token::Scalar, line, start));
            }
        }
    }
    (out, comments)
}

/// Every text in the file longer than its limit ([`MAX_NOTE_CHARS`] for notes,
/// [`MAX_TEXT_CHARS`] for any other), at its line and column: refused before the file is read
/// further, so that a huge text never reaches the window.
pub fn long_texts(text: &str) -> Vec<Problem> {
    let (tokens, _) = tokens(text);
    let mut field = None;
    let mut problems = Vec::new();
    for (i, &(token, line, start)) in tokens.iter().enumerate() {
        match token {
            Token::Ident(name) if matches!(tokens.get(i + 1), Some((Token::Colon, _, _))) => {
                field = Some(name);
            }
            Token::Text(chars) => {
                let limit = if field == Some("notes") {
                    MAX_NOTE_CHARS
                } else {
                    MAX_TEXT_CHARS
                };
                if chars > limit {
                    let line_start = text[..start].rfind('\n').map_or(0, |at| at + 1);
                    problems.push(Problem::new(
                        Location::Text {
                            line,
                            column: text[line_start..start].chars().count() + 1,
                        },
                        "problem.text_too_long",
                        vec![
                            ("count", count_arg(chars as i64)),
                            ("max", count_arg(limit as i64)),
                        ],
                    ));
                }
            }
            _ => {}
        }
    }
    problems
}

/// How many comments (`// …` and `/* … */`) the text has: saving the plan writes none.
pub fn comment_count(text: &str) -> usize {
    tokens(text).1
}

/// A value's shape: where it starts, its named fields and its unnamed items.
#[derive(Debug, Default)]
struct Node<'a> {
    line: usize,
    fields: Vec<(&'a str, Node<'a>)>,
    items: Vec<Node<'a>>,
    /// Written in square brackets.
    list: bool,
}

struct Reader<'t, 'a> {
    tokens: &'t [(Token<'a>, usize, usize)],
    at: usize,
}

impl<'a> Reader<'_, 'a> {
    fn peek(&self, ahead: usize) -> Option<Token<'a>> {
        self.tokens.get(self.at + ahead).map(|(t, _, _)| *t)
    }

    fn line(&self) -> usize {
        self.tokens.get(self.at).map_or(0, |(_, line, _)| *line)
    }

    /// One value; `None` when the text is not shaped as expected.
    fn value(&mut self, depth: usize) -> Option<Node<'a>> {
        if depth > MAX_NESTING {
            return None;
        }
        let mut node = Node {
            line: self.line(),
            ..Node::default()
        };
        // `Name(…)`: a struct or enum variant; a name alone is a plain value.
        if let Some(Token::Ident(_)) = self.peek(0) {
            self.at += 1;
            if self.peek(0) != Some(Token::Open(b'(')) {
                return Some(node);
            }
        }
        match self.peek(0)? {
            Token::Open(open) => {
                self.at += 1;
                node.list = open == b'[';
                loop {
                    match self.peek(0)? {
                        Token::Close => {
                            self.at += 1;
                            return Some(node);
                        }
                        Token::Comma => self.at += 1,
                        Token::Ident(name)
                            if self.peek(1) == Some(Token::Colon) && open == b'(' =>
                        {
                            self.at += 2;
                            let value = self.value(depth + 1)?;
                            node.fields.push((name, value));
                        }
                        _ => {
                            let item = self.value(depth + 1)?;
                            // A map's `key: value`: the value is the item.
                            if self.peek(0) == Some(Token::Colon) {
                                self.at += 1;
                                let value = self.value(depth + 1)?;
                                node.items.push(value);
                            } else {
                                node.items.push(item);
                            }
                        }
                    }
                }
            }
            Token::Scalar | Token::Text(_) => {
                self.at += 1;
                Some(node)
            }
            Token::Ident(_) | Token::Close | Token::Comma | Token::Colon => None,
        }
    }
}

impl Node<'_> {
    /// The one value a wrapper such as `Some(…)` or `PerYear([…])` holds.
    fn wrapped(&self) -> Option<&Self> {
        match (self.list, self.fields.is_empty(), self.items.as_slice()) {
            (false, true, [only]) => Some(only),
            _ => None,
        }
    }

    fn step(&self, step: Step) -> Option<&Self> {
        let direct = match step {
            Step::Field(name) => self.fields.iter().find(|(n, _)| *n == name).map(|(_, v)| v),
            Step::Index(i) if self.list => self.items.get(i),
            Step::Index(_) => None,
        };
        direct.or_else(|| self.wrapped().and_then(|inner| inner.step(step)))
    }
}

/// The line of the field at `path` in `text`, or of the nearest enclosing part written there.
pub fn line_of(text: &str, path: FieldPath) -> Option<usize> {
    lines_of(text, &[path]).pop().flatten()
}

fn lines_of(text: &str, paths: &[FieldPath]) -> Vec<Option<usize>> {
    let (tokens, _) = tokens(text);
    let root = Reader {
        tokens: &tokens,
        at: 0,
    }
    .value(0);
    paths
        .iter()
        .map(|path| {
            let root = root.as_ref()?;
            let mut node = root;
            let mut line = None;
            for step in path.steps() {
                match node.step(step) {
                    Some(next) => {
                        node = next;
                        line = Some(next.line);
                    }
                    None => break,
                }
            }
            line
        })
        .collect()
}

/// Gives every problem at a field the line where `text` has it (reading the text once).
pub fn locate(problems: &mut [Problem], text: &str) {
    let paths: Vec<FieldPath> = problems
        .iter()
        .filter_map(|p| match p.location {
            Location::Field(path) => Some(path),
            _ => None,
        })
        .collect();
    if paths.is_empty() {
        return;
    }
    let mut lines = lines_of(text, &paths).into_iter();
    for problem in problems.iter_mut() {
        if let Location::Field(_) = problem.location {
            problem.line = lines.next().flatten();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::plan::field::plan;

    const TEXT: &str = r##"// A hand-written scenario.
(
    version: 2,
    meta: (title: "Uji, \"dua\" (baris)", notes: r#"catatan
panjang"#),
    /* a block /* nested */ comment
       over two lines */
    regions: [
        (
            name: "Kota Palu",
            pool: (count: 1000),
            budget: PerYear([1, 2,
                3]),
        ),
        (name: "Sigi", coverage: (path: Ramp(target_pct: 60.0), waves: [(month: 1)])),
    ],
    extra: {"a": (x: 1), "b": [2]},
)
"##;

    #[test]
    fn fields_are_found_on_their_lines() {
        let at = plan();
        // Counted by hand in TEXT above.
        assert_eq!(line_of(TEXT, at.meta().title()), Some(4));
        assert_eq!(line_of(TEXT, at.region(0).name()), Some(10));
        assert_eq!(line_of(TEXT, at.region(0).pool().count()), Some(11));
        assert_eq!(line_of(TEXT, at.region(0).budget().year(2)), Some(13));
        assert_eq!(
            line_of(TEXT, at.region(1).coverage().path().target_pct()),
            Some(15)
        );
        assert_eq!(
            line_of(TEXT, at.region(1).coverage().wave(0).month()),
            Some(15)
        );
        // Not written: the nearest part that is (the second region's pool is left out).
        assert_eq!(line_of(TEXT, at.region(1).pool().count()), Some(15));
        assert_eq!(line_of(TEXT, at.region(0).pool().age_min()), Some(11));
        assert_eq!(line_of(TEXT, at.horizon().years()), None);
    }

    #[test]
    fn comments_are_counted_but_not_inside_strings() {
        // TEXT has a line comment and a block comment (with one nested inside it).
        assert_eq!(comment_count(TEXT), 2);
        assert_eq!(comment_count("(notes: \"http://x /* y */\")"), 0);
        assert_eq!(comment_count("(a: 1) // akhir"), 1);
    }

    #[test]
    fn text_of_any_shape_gives_no_line_rather_than_failing() {
        let at = plan().region(0).pool().count();
        for text in [
            "",
            "(",
            ")",
            "((((",
            "[1, 2",
            "(regions: [(pool: (count: ",
            "\"",
            "r#\"",
            "/*",
        ] {
            assert_eq!(line_of(text, at), None, "{text:?}");
        }
        let deep = "(regions: [".to_owned() + &"(".repeat(10_000);
        assert_eq!(line_of(&deep, at), None);
    }
}
