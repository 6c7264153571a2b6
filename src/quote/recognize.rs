//! Finding quotes: quote marks paired within a paragraph and across paragraphs, the
//! attribution before, after or between the pieces, reported speech by its cue, and each
//! speaker resolved to the person or institution it names.
//!
//! Everything reads the document's shared tokens; nothing here scans the text again.

use compact_str::CompactString;
use rustc_hash::{FxHashMap, FxHashSet};
use std::cell::OnceCell;
use std::ops::Range;
use std::sync::LazyLock;

use super::{Cue, Quote, QuoteKind, Speaker, SpeakerKind};
use crate::Span;
use crate::entity::{Entity, EntityKind, Searched};
use crate::person::{Lexicon, WordClass};
use crate::text::{Kind, Normalized, Token, Tokens, WordMap, sentences_into};

/// Verbs written after a quote, before its speaker: `"…," kata Ani`, `"…," ujarnya`.
const CUES_AFTER: &[&str] = &[
    "kata", "ujar", "tutur", "ucap", "ungkap", "jelas", "tambah", "imbuh", "lanjut", "sambung", "pungkas", "tegas",
    "terang", "sebut", "papar", "tanya", "jawab", "seru", "kenang", "timpal", "sahut", "tandas", "urai", "beber",
    "klaim", "harap", "pinta", "ajak", "imbau", "tukas", "cetus", "keluh", "bilang", "akui", "jelaskan", "teriak",
    "pesan", "balas", "tulis", "bisik", "jerit", "sapa", "canda", "kelakar",
];

/// The cues of [`CUES_AFTER`] that also report speech without quote marks (`…, kata X.`);
/// the others (`tanya`, `harap`, `ajak`) attribute only words in marks.
const REPORTING_CUES_AFTER: &[&str] = &[
    "kata", "ujar", "tutur", "ucap", "ungkap", "jelas", "tambah", "imbuh", "lanjut", "sambung", "pungkas", "tegas",
    "terang", "sebut", "papar", "tandas", "urai", "beber", "klaim",
];

/// Verbs written after their subject that report speech: `Ani mengatakan, "…"` and
/// `Ani mengatakan (bahwa) …`.
const SPEECH_VERBS: &[&str] = &[
    "mengatakan",
    "menyatakan",
    "menjelaskan",
    "menyebutkan",
    "menuturkan",
    "menambahkan",
    "mengungkapkan",
    "menegaskan",
    "menilai",
    "mengaku",
    "memastikan",
    "menerangkan",
    "mengklaim",
    "menandaskan",
    "berpendapat",
    "mengakui",
    "menduga",
    "memperkirakan",
    "meyakini",
    "berkata",
    "berujar",
    "bertutur",
    "menyebut",
];

/// Speech verbs that take a thing as well as a clause (`menyampaikan apresiasi`): they
/// report speech only before `bahwa`, `jika` or a comma.
const SPEECH_VERBS_BEFORE_CLAUSE: &[&str] = &[
    "menyampaikan",
    "memaparkan",
    "menekankan",
    "mengemukakan",
    "membenarkan",
    "membantah",
    "mengingatkan",
    "mengutarakan",
];

/// Verbs that introduce words in marks but are not statements when reported without them:
/// questions, hopes, requests and appeals (`Ani berharap, "…"`, but not `Ani berharap …`).
const QUOTING_ONLY_VERBS: &[&str] = &[
    "bertanya",
    "menjawab",
    "berharap",
    "meminta",
    "mengimbau",
    "mengajak",
    "berpesan",
    "menanggapi",
    "bercerita",
    "menceritakan",
    "mengisahkan",
    "menimpali",
    "menulis",
    "berseloroh",
    "berjanji",
    "mengeluhkan",
    "menginstruksikan",
    "memerintahkan",
];

/// What a word can be in an attribution, gathered from the lists above into one table so
/// that each word is looked up once.
#[derive(Clone, Copy, Debug, Default)]
struct CueWord {
    /// In [`CUES_AFTER`].
    after: bool,
    /// In [`REPORTING_CUES_AFTER`].
    reporting_after: bool,
    /// `menurut`.
    according: bool,
    /// In [`SPEECH_VERBS`] or [`SPEECH_VERBS_BEFORE_CLAUSE`].
    speech: bool,
    /// In [`SPEECH_VERBS_BEFORE_CLAUSE`].
    before_clause: bool,
    /// In [`QUOTING_ONLY_VERBS`].
    quoting_only: bool,
}

impl CueWord {
    /// Whether the word can attribute words in marks when written after its subject.
    fn quoting(self) -> bool {
        self.speech || self.quoting_only
    }

    fn any(self) -> bool {
        self.after || self.according || self.quoting()
    }
}

static CUES: LazyLock<WordMap<&'static str, CueWord>> = LazyLock::new(|| {
    let mut cues: FxHashMap<&'static str, CueWord> = FxHashMap::default();
    let mut mark = |words: &[&'static str], set: fn(&mut CueWord)| {
        for word in words {
            set(cues.entry(word).or_default());
        }
    };
    mark(CUES_AFTER, |c| c.after = true);
    mark(REPORTING_CUES_AFTER, |c| c.reporting_after = true);
    mark(&["menurut"], |c| c.according = true);
    mark(SPEECH_VERBS, |c| c.speech = true);
    mark(SPEECH_VERBS_BEFORE_CLAUSE, |c| {
        c.speech = true;
        c.before_clause = true;
    });
    mark(QUOTING_ONLY_VERBS, |c| c.quoting_only = true);
    WordMap::from(cues)
});

/// What `word` (normalised) can be in an attribution. Inlined: it is asked of nearly
/// every word, and most stop at the table's shape test.
#[inline]
fn cue(word: &str) -> CueWord {
    CUES.get(word).copied().unwrap_or_default()
}

/// Words that introduce a clause as reported speech after a speech verb.
const COMPLEMENTISERS: &[&str] = &["bahwa", "jika", "kalau"];

/// Words a reported clause never starts with: it refers back instead of reporting.
const ANAPHORIC_OPENERS: &[&str] = &["hal", "demikian", "begitu", "itu", "ini", "tersebut"];

/// Adverbs between a subject and its verb (`Ia juga mengatakan`).
const ADVERBS: &[&str] = &["juga", "pun", "pula", "lalu", "kemudian", "kembali", "bahkan", "sempat", "lantas"];

/// Pronouns that speak for a person named before.
const PRONOUNS: &[&str] = &["dia", "ia", "beliau"];

/// Nouns for a source the text does not name (`seorang warga`, `polisi`).
const SOURCES: &[&str] = &[
    "warga",
    "saksi",
    "petugas",
    "polisi",
    "sumber",
    "pejabat",
    "pengamat",
    "korban",
    "pedagang",
    "pengemudi",
    "sopir",
    "nelayan",
    "petani",
    "siswa",
    "mahasiswa",
    "guru",
    "dokter",
    "perawat",
    "relawan",
    "penumpang",
    "pengunjung",
    "peserta",
    "penyintas",
    "pengungsi",
    "tetangga",
    "buruh",
    "pekerja",
    "karyawan",
    "pegawai",
    "aktivis",
    "ekonom",
    "analis",
    "ahli",
    "pakar",
    "penyidik",
    "jaksa",
    "hakim",
    "pengacara",
    "pemilik",
    "pengelola",
    "penjual",
    "pembeli",
    "wisatawan",
    "jemaah",
    "santri",
    "tokoh",
    "perwakilan",
    "orang",
    "ibu",
    "bapak",
    "pemuda",
    "netizen",
    "warganet",
    "penduduk",
    "nasabah",
    "konsumen",
    "pelanggan",
    "penonton",
    "suporter",
    "pendukung",
    "keluarga",
    "kerabat",
    "rekan",
    "teman",
    "diplomat",
    "juru",
    "wartawan",
    "jurnalis",
    "reporter",
    "pengguna",
    "penghuni",
    "pelajar",
];

/// Nouns that, with `itu` or `tersebut`, refer back to an institution (`lembaga itu`).
const INSTITUTION_NOUNS: &[&str] = &[
    "lembaga",
    "instansi",
    "perusahaan",
    "kementerian",
    "badan",
    "organisasi",
    "pemerintah",
    "komisi",
    "otoritas",
    "bank",
];

/// Words before a source noun that belong to the phrase (`seorang warga`, `salah satu saksi`).
const SOURCE_DETERMINERS: &[&str] =
    &["seorang", "salah", "satu", "para", "sejumlah", "beberapa", "sebagian", "banyak", "sang", "kedua", "dua", "tiga"];

/// Words before a mark that make the marked words a name or a title, not a statement:
/// `film "Laskar Pelangi"`, `program "Kampung Tangguh"`, `dijuluki "Si Kancil"`.
const TITLE_WORDS: &[&str] = &[
    "film",
    "lagu",
    "buku",
    "novel",
    "album",
    "program",
    "acara",
    "bertajuk",
    "berjudul",
    "bertema",
    "bernama",
    "dijuluki",
    "julukan",
    "disebut",
    "istilah",
    "tagar",
    "slogan",
    "semboyan",
    "moto",
    "jargon",
    "gerakan",
    "aplikasi",
    "kampanye",
    "operasi",
    "festival",
    "lomba",
    "sinetron",
    "majalah",
    "rubrik",
    "tema",
    "kata",
    "frasa",
    "sebutan",
    "label",
    "kategori",
    "status",
    "sebagai",
    "menjadi",
    "kolom",
    "judul",
    "pameran",
    "pentas",
    "drama",
    "serial",
    "merek",
    "produk",
    "kelompok",
    "komunitas",
    "grup",
    "band",
    "tim",
    "akun",
    "situs",
    "dokumen",
];

/// The most tokens a speaker phrase spans, role and titles included (`Direktur Reserse
/// Narkoba Polda Metro Jaya Kombes Pol. Dr. Andi Baso Ridwan`): the bound keeps the cost
/// per cue constant in a sentence that never ends.
const SPEAKER_WINDOW: usize = 32;

/// Fewest words in marks, without an attribution, that make a statement rather than
/// a scare-quoted phrase.
const FEWEST_UNATTRIBUTED_WORDS: usize = 4;

/// The quotes of a document, in text order.
pub(crate) fn find(
    text: &str,
    normalized: &Normalized,
    tokens: &Tokens,
    entities: &[Entity],
    lexicon: &Lexicon,
) -> Vec<Quote> {
    // Only a paragraph with a quote mark or a cue word can hold a quote; the others are
    // left empty rather than segmented into sentences.
    let relevant = |tokens: &[Token]| {
        tokens.iter().any(|t| match t.kind {
            Kind::Mark => t.text == "\"",
            Kind::Word => cue(t.text).any() || t.text.strip_suffix("nya").is_some_and(|stem| cue(stem).any()),
            Kind::Number => false,
        })
    };
    // Every paragraph's sentence starts in one vector, each paragraph reading its slice,
    // and one buffer for the sentences of each: vectors grown once a document instead of
    // two made for each quoted paragraph.
    let mut sentence_starts = Vec::new();
    let mut sentences = Vec::new();
    let read: Vec<(&[Token], Range<usize>)> = tokens
        .paragraphs()
        .map(|(_, tokens)| {
            let tokens = if relevant(tokens) { tokens } else { &[] };
            let from = sentence_starts.len();
            push_sentence_starts(text, tokens, &mut sentences, &mut sentence_starts);
            (tokens, from..sentence_starts.len())
        })
        .collect();
    // A paragraph is as large as what it is made of, so the standard library collects
    // these in place, as it does today without promising it.
    let paragraphs: Vec<Paragraph> = read
        .into_iter()
        .map(|(tokens, starts)| Paragraph { tokens, sentence_starts: &sentence_starts[starts] })
        .collect();
    let document = Document {
        text,
        normalized,
        lexicon,
        entities: Searched::new(entities),
        paragraphs,
        name_words: OnceCell::new(),
        of_kind: OnceCell::new(),
    };
    let mut found = document.direct_quotes();
    found.extend(document.indirect_quotes(&found));
    found.sort_by_key(|f| (f.paragraph, f.content.start));
    document.resolve(&mut found);
    found.into_iter().map(|f| document.quote(f)).collect()
}

/// Appends to `starts` the index of the first token of each sentence of the paragraph of
/// `tokens` (none when it has no tokens), segmenting it into `sentences` (emptied first).
fn push_sentence_starts(text: &str, tokens: &[Token], sentences: &mut Vec<Span>, starts: &mut Vec<usize>) {
    let (Some(first), Some(last)) = (tokens.first(), tokens.last()) else { return };
    sentences.clear();
    sentences_into(text, Span::new(first.original.start, last.original.end), sentences);
    let mut from = 0;
    starts.push(from);
    // A sentence starts at the first token at or after where the one before ends.
    for end in sentences.iter().map(|s| s.end) {
        let start = from + tokens[from..].partition_point(|t| t.original.start < end);
        if start < tokens.len() && start > from {
            starts.push(start);
            from = start;
        }
    }
}

/// A paragraph's tokens with what the recogniser asks of them.
struct Paragraph<'t> {
    tokens: &'t [Token<'t>],
    /// The index of the first token of each sentence, in order. Kept per sentence rather
    /// than per token: the recogniser asks for sentences at quote marks and cue words
    /// only, and a table of every token's sentence was 16 bytes a token to write and to
    /// stream through a long document.
    sentence_starts: &'t [usize],
}

impl<'t> Paragraph<'t> {
    /// Where token `at` is in the original text.
    fn original(&self, at: usize) -> Span {
        self.tokens[at].original
    }

    /// The original spans of `tokens`.
    fn originals(&self, tokens: Range<usize>) -> impl DoubleEndedIterator<Item = Span> + '_ {
        self.tokens[tokens].iter().map(|t| t.original)
    }

    fn word(&self, at: usize) -> Option<&str> {
        self.tokens.get(at).filter(|t| t.kind == Kind::Word).map(|t| t.text)
    }

    fn is(&self, at: usize, mark: &str) -> bool {
        self.tokens.get(at).is_some_and(|t| t.text == mark)
    }

    fn is_quote_mark(&self, at: usize) -> bool {
        self.is(at, "\"")
    }

    /// The tokens of the sentence of token `at`.
    fn sentence(&self, at: usize) -> Range<usize> {
        let next = self.sentence_starts.partition_point(|&start| start <= at);
        let start = next.checked_sub(1).map_or(0, |i| self.sentence_starts[i]);
        start..self.sentence_starts.get(next).copied().unwrap_or(self.tokens.len())
    }

    /// The end (exclusive) of the sentence of token `at`.
    fn sentence_end(&self, at: usize) -> usize {
        self.sentence(at).end
    }

    /// The original span from token `start` to the end of token `end - 1`.
    fn span(&self, tokens: Range<usize>) -> Span {
        Span::new(self.original(tokens.start).start, self.original(tokens.end - 1).end)
    }
}

/// How a quote mark is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mark {
    Opening,
    Closing,
    Either,
}

impl Mark {
    fn of(written: &str) -> Mark {
        match written {
            "“" | "„" | "‟" | "«" => Mark::Opening,
            "”" | "»" => Mark::Closing,
            _ => Mark::Either,
        }
    }
}

/// A quote before its speaker is resolved.
#[derive(Clone, Debug)]
struct Found {
    paragraph: usize,
    /// The quoted or reported words, as tokens of the paragraph.
    content: Range<usize>,
    kind: QuoteKind,
    /// Pieces of one quote over several paragraphs share a group; every other quote has
    /// a group of its own.
    group: usize,
    attribution: Option<Attribution>,
    /// The speaker once resolved: the attribution's, or the one continued from before.
    speaker: Option<Speaker>,
}

/// The cue and speaker written for a quote.
#[derive(Clone, Debug)]
struct Attribution {
    /// Paragraph and token of the cue, so one cue serves one quote.
    cue: (usize, usize),
    /// The cue's span when it is only part of a token or more than one.
    cue_span: Span,
    speaker: Option<Named>,
}

/// A speaker as written, before pronouns are resolved.
#[derive(Clone, Copy, Debug)]
enum Named {
    /// A person or institution entity.
    Entity(usize),
    /// A pronoun or clitic, to be resolved to the nearest person before it.
    Pronoun(Span),
    /// An unnamed source phrase.
    Source(Span),
    /// A noun phrase that refers back to an institution (`lembaga itu`).
    Institutional(Span),
    /// Capitalised words no entity covers (a name the recognisers do not know, a name in
    /// an all-capitals article, an institution no gazetteer lists).
    Unknown(Span, SpeakerKind),
}

struct Document<'a, 't> {
    text: &'a str,
    normalized: &'a Normalized,
    lexicon: &'a Lexicon,
    entities: Searched<'a>,
    paragraphs: Vec<Paragraph<'t>>,
    /// The words of the people's full names, made when an unknown name first needs them.
    name_words: OnceCell<FxHashSet<&'a str>>,
    /// The indices of the person entities and of the institution entities, made when a
    /// pronoun is first resolved.
    of_kind: OnceCell<(Vec<usize>, Vec<usize>)>,
}

impl Document<'_, '_> {
    /// Words in quote marks, paired within a paragraph; a quote left open at the end of a
    /// paragraph continues when the next paragraph opens with a mark, and otherwise ends
    /// there, so a stray mark never swallows more than its paragraph.
    fn direct_quotes(&self) -> Vec<Found> {
        let mut found: Vec<Found> = Vec::new();
        let mut groups = 0;
        let mut continuing = false;
        for (index, paragraph) in self.paragraphs.iter().enumerate() {
            let tokens = paragraph.tokens;
            let continues = continuing && paragraph.is_quote_mark(0);
            if !continues {
                groups += 1;
            }
            continuing = false;
            let mut open: Option<usize> = None;
            let mut pieces: Vec<(usize, Option<usize>)> = Vec::new();
            for at in (0..tokens.len()).filter(|&at| paragraph.is_quote_mark(at)) {
                let mark = Mark::of(&self.text[paragraph.original(at).range()]);
                match open {
                    None => {
                        // A mark glued to a number or word before it is an inch sign or a
                        // typo (`layar 32"`), not an opening.
                        let glued = at > 0 && tokens[at].glued && tokens[at - 1].kind != Kind::Mark;
                        if mark != Mark::Closing && !glued {
                            open = Some(at);
                        }
                    }
                    Some(start) if mark == Mark::Opening => {
                        // The earlier opening never closed; it ends where the next begins.
                        pieces.push((start, Some(at)));
                        open = Some(at);
                    }
                    // `pipa 12" baru` inside a quote: an inch sign, not its end.
                    Some(_) if self.inch_sign(paragraph, at) => {}
                    Some(start) => {
                        pieces.push((start, Some(at)));
                        open = None;
                    }
                }
            }
            if let Some(start) = open {
                pieces.push((start, None));
                continuing = true;
            }
            for (number, (start, close)) in pieces.into_iter().enumerate() {
                let end = close.unwrap_or(tokens.len());
                let content = trim_content(paragraph, start + 1..end);
                if content.is_empty() {
                    continue;
                }
                // Only the first piece of a paragraph continues the quote of the one before.
                if number > 0 || !continues {
                    groups += 1;
                }
                if self.names_a_title(paragraph, start) {
                    continue;
                }
                let mut quote = Found {
                    paragraph: index,
                    content,
                    kind: QuoteKind::Direct,
                    group: groups,
                    attribution: None,
                    speaker: None,
                };
                // The cue of the piece before (`"…," kata X, "…"`) serves that piece only.
                let used = |cue: (usize, usize)| {
                    found.last().and_then(|f| f.attribution.as_ref()).is_some_and(|a| a.cue == cue)
                };
                quote.attribution = close.and_then(|close| self.attribution_after(index, close));
                if quote.attribution.is_none() {
                    match self.attribution_before(index, start) {
                        // `"…," kata Ani, "…"`: the second piece continues the first.
                        Some(before) if used(before.cue) => quote.group = found.last().map_or(quote.group, |f| f.group),
                        before => quote.attribution = before,
                    }
                }
                found.push(quote);
            }
        }
        // A group whose pieces have no attribution and are too short to be statements
        // (scare quotes, names in marks) is left out.
        let mut kept = Vec::with_capacity(found.len());
        let mut at = 0;
        while at < found.len() {
            let group = found[at].group;
            let end = at + found[at..].iter().take_while(|f| f.group == group).count();
            let pieces = &found[at..end];
            let attributed = pieces.iter().any(|f| f.attribution.is_some());
            let words: usize = pieces.iter().map(|f| self.words(f)).sum();
            let title_like = pieces.iter().all(|f| self.title_case(f));
            // `"Maling! Maling!"`: an exclamation or question is a statement however short.
            let exclaimed = pieces.iter().any(|f| {
                let tokens = &self.paragraphs[f.paragraph].tokens[f.content.clone()];
                tokens.last().is_some_and(|t| matches!(t.text, "!" | "?"))
            });
            if attributed || exclaimed || (words >= FEWEST_UNATTRIBUTED_WORDS && !title_like) {
                kept.extend_from_slice(pieces);
            }
            at = end;
        }
        kept
    }

    /// Whether the straight mark at `at` follows a number without a space and is followed,
    /// after a space, by a lower-case word: the sign for inches.
    fn inch_sign(&self, paragraph: &Paragraph, at: usize) -> bool {
        let tokens = paragraph.tokens;
        let after_number = at > 0 && tokens[at].glued && tokens[at - 1].kind == Kind::Number;
        let next = tokens.get(at + 1);
        after_number
            && next.is_some_and(|t| !t.glued && t.kind == Kind::Word)
            && !self.capital(paragraph, at + 1)
            && self.text[paragraph.original(at).range()] == *"\""
    }

    fn words(&self, found: &Found) -> usize {
        let paragraph = &self.paragraphs[found.paragraph];
        found.content.clone().filter(|&at| paragraph.tokens[at].kind == Kind::Word).count()
    }

    /// Every word capitalised, as in the name of a work or a programme.
    fn title_case(&self, found: &Found) -> bool {
        let paragraph = &self.paragraphs[found.paragraph];
        found
            .content
            .clone()
            .filter(|&at| paragraph.tokens[at].kind == Kind::Word)
            .all(|at| paragraph.tokens[at].written.capital)
    }

    /// Whether the word before the mark at `open` makes what follows a name or title.
    fn names_a_title(&self, paragraph: &Paragraph, open: usize) -> bool {
        open > 0 && paragraph.word(open - 1).is_some_and(|w| TITLE_WORDS.contains(&w))
    }

    /// The attribution after the closing mark at `close`: `, kata X`, `, ujarnya`,
    /// `, X menambahkan`. After a piece closed by a period, a capitalised word starts the
    /// next sentence rather than an attribution.
    fn attribution_after(&self, index: usize, close: usize) -> Option<Attribution> {
        let paragraph = &self.paragraphs[index];
        let mut at = close + 1;
        if paragraph.is(at, ",") {
            at += 1;
        }
        paragraph.word(at)?;
        if close > 0 && paragraph.is(close - 1, ".") && self.capital(paragraph, at) {
            return None;
        }
        if let Some(attribution) = self.cue_then_speaker(index, at, |c| c.after) {
            return Some(attribution);
        }
        // The subject, then the verb: `"…," Ani menambahkan.`, `"…," ia menegaskan.`
        let end = paragraph.sentence_end(at).min(at + 12);
        let verb = (at..end)
            .take_while(|&k| !paragraph.is_quote_mark(k) && !paragraph.is(k, "."))
            .find(|&k| paragraph.word(k).is_some_and(is_quoting_verb))?;
        let speaker = self.speaker_before(index, at..verb)?;
        Some(Attribution { cue: (index, verb), cue_span: paragraph.original(verb), speaker: Some(speaker) })
    }

    /// `kata X` or `katanya` at token `at`: a cue that `accepts`, then its speaker.
    fn cue_then_speaker(&self, index: usize, at: usize, accepts: fn(CueWord) -> bool) -> Option<Attribution> {
        let paragraph = &self.paragraphs[index];
        let word = paragraph.word(at)?;
        let span = paragraph.original(at);
        if accepts(cue(word)) {
            let end = paragraph.sentence_end(at);
            return Some(Attribution {
                cue: (index, at),
                cue_span: span,
                speaker: self.speaker_after(index, at + 1..end),
            });
        }
        // The clitic is the speaker: `ujarnya`, `menurutnya`.
        word.strip_suffix("nya").filter(|stem| accepts(cue(stem)))?;
        // Mapped from the normalised token, as the original may hide an invisible
        // character inside the word.
        let token = paragraph.tokens[at].span_in(self.normalized.as_str());
        let clitic = self.normalized.to_original(Span::new(token.end - "nya".len(), token.end));
        Some(Attribution { cue: (index, at), cue_span: span, speaker: Some(Named::Pronoun(clitic)) })
    }

    /// The attribution before an opening mark: `X mengatakan, "…"`, `Kata X, "…"`,
    /// `Menurut X, "…"`, `X: "…"`.
    fn attribution_before(&self, index: usize, open: usize) -> Option<Attribution> {
        let paragraph = &self.paragraphs[index];
        if open == 0 {
            return None;
        }
        let start = paragraph.sentence(open - 1).start;
        let before = open - 1;
        // The speech verb of the clause before the mark: right before it, or before the
        // comma or colon that ends the clause.
        let verb = match paragraph.tokens[before].text {
            "," | ":" => (start..before)
                .rev()
                .take(16)
                .take_while(|&k| !paragraph.is_quote_mark(k))
                .find(|&k| paragraph.word(k).is_some_and(|w| is_quoting_verb(w) || w == "kata" || w == "menurut")),
            word if is_quoting_verb(word) => Some(before),
            _ => None,
        };
        let last = if verb == Some(before) { open } else { before };
        let Some(verb) = verb else {
            // `Wulan Oktaviani: "…"`: the colon is the cue.
            if !paragraph.is(before, ":") {
                return None;
            }
            let speaker = self.speaker_before(index, start..before)?;
            return Some(Attribution {
                cue: (index, before),
                cue_span: paragraph.original(before),
                speaker: Some(speaker),
            });
        };
        let word = paragraph.word(verb)?;
        let speaker = if word == "kata" || word == "menurut" {
            self.speaker_after(index, verb + 1..last)
        } else {
            self.speaker_before(index, start..verb)
        };
        speaker.map(|speaker| Attribution {
            cue: (index, verb),
            cue_span: paragraph.original(verb),
            speaker: Some(speaker),
        })
    }

    /// Reported speech in the sentences no direct quote touches: `Menurut X, …`,
    /// `X mengatakan (bahwa) …`, `…, kata X.`
    fn indirect_quotes(&self, direct: &[Found]) -> Vec<Found> {
        let mut found = Vec::new();
        for (index, paragraph) in self.paragraphs.iter().enumerate() {
            // The direct quotes of this paragraph, in order.
            let first = direct.partition_point(|f| f.paragraph < index);
            let quoted = &direct[first..first + direct[first..].partition_point(|f| f.paragraph == index)];
            let mut start = 0;
            while start < paragraph.tokens.len() {
                let end = paragraph.sentence_end(start);
                let at = quoted.partition_point(|f| f.content.end < start);
                let marked = quoted.get(at).is_some_and(|f| f.content.start <= end);
                if !marked && let Some((content, attribution)) = self.reported(index, start..end) {
                    found.push(Found {
                        paragraph: index,
                        content,
                        kind: QuoteKind::Indirect,
                        group: 0,
                        attribution: Some(attribution),
                        speaker: None,
                    });
                }
                start = end;
            }
        }
        found
    }

    /// The reported clause of one sentence and its attribution, if it reports speech.
    fn reported(&self, index: usize, sentence: Range<usize>) -> Option<(Range<usize>, Attribution)> {
        let paragraph = &self.paragraphs[index];
        let Range { start, end } = sentence;
        // `Menurut X, …` near the start: after a connective at most (`Namun, menurut …`).
        let according = (start..end.min(start + 5))
            .find(|&k| paragraph.word(k).is_some_and(|w| w == "menurut" || w == "menurutnya"))
            .filter(|&k| k == start || paragraph.is(k - 1, ","));
        if let Some(at) = according {
            let mut comma = (at + 1..end.min(at + 20)).find(|&k| paragraph.is(k, ","))?;
            // `Menurut Kepala BPS Bali, Ir. I Gusti Ngurah Wiratma, …`: the name in
            // apposition belongs to the speaker.
            if let Some(second) = (comma + 1..end.min(comma + 12)).find(|&k| paragraph.is(k, ","))
                && (comma + 1..second).any(|k| self.entity(paragraph.original(k), EntityKind::Person).is_some())
            {
                comma = second;
            }
            let attribution = if paragraph.word(at) == Some("menurut") {
                let speaker = self.speaker_after(index, at + 1..comma)?;
                Attribution { cue: (index, at), cue_span: paragraph.original(at), speaker: Some(speaker) }
            } else {
                self.cue_then_speaker(index, at, |c| c.according)?
            };
            return Some((self.clause(paragraph, comma + 1..end, false)?, attribution));
        }
        // `X mengatakan (bahwa) …`
        if let Some(verb) = (start + 1..end).find(|&k| paragraph.word(k).is_some_and(is_speech_verb)) {
            let speaker = self.speaker_before(index, start..verb)?;
            let verb_word = paragraph.word(verb)?;
            let mut from = verb + 1;
            let comma = paragraph.is(from, ",");
            if comma {
                from += 1;
            }
            // `mengatakan di Jakarta, Senin, bahwa …`, `mengatakan kepada wartawan bahwa …`:
            // where and to whom it was said come before the clause.
            let complementiser = (from..end.min(from + 12))
                .take_while(|&k| self.circumstance(paragraph, k))
                .find(|&k| paragraph.word(k).is_some_and(|w| COMPLEMENTISERS.contains(&w)));
            let introduced = complementiser.is_some();
            if let Some(at) = complementiser {
                from = at + 1;
            }
            let clause_only = cue(verb_word).before_clause;
            if clause_only && !comma && !introduced {
                return None;
            }
            // `menyebut jalan itu sebagai "jalan tikus"` names a thing; it reports nothing.
            let naming = verb_word == "menyebut"
                && (from..end)
                    .any(|k| paragraph.word(k) == Some("sebagai") || matches!(paragraph.tokens[k].text, "\"" | "'"));
            if naming {
                return None;
            }
            let attribution =
                Attribution { cue: (index, verb), cue_span: paragraph.original(verb), speaker: Some(speaker) };
            return Some((self.clause(paragraph, from..end, true)?, attribution));
        }
        // `…, kata X.` and `…, ujarnya.` closing the sentence (the speaker may have commas
        // of their own: `kata Direktur pasar, Heru Santosa, di Jakarta`).
        let (comma, attribution) = (start + 1..end)
            .rev()
            .filter(|&k| paragraph.is(k, ","))
            .find_map(|k| Some((k, self.cue_then_speaker(index, k + 1, |c| c.reporting_after)?)))?;
        Some((self.clause(paragraph, start..comma, false)?, attribution))
    }

    /// Whether token `at` can stand between a speech verb and `bahwa`: a place, a time, an
    /// audience (`di Jakarta, Senin (17/11),`, `kepada wartawan`), or `bahwa` itself.
    fn circumstance(&self, paragraph: &Paragraph, at: usize) -> bool {
        let token = paragraph.tokens[at];
        match token.kind {
            Kind::Number => true,
            Kind::Mark => matches!(token.text, "," | "(" | ")" | "/" | "-"),
            Kind::Word => {
                self.capital(paragraph, at)
                    || COMPLEMENTISERS.contains(&token.text)
                    || matches!(
                        token.text,
                        "di" | "pada"
                            | "kepada"
                            | "ke"
                            | "saat"
                            | "ketika"
                            | "usai"
                            | "seusai"
                            | "dalam"
                            | "para"
                            | "wartawan"
                            | "media"
                            | "awak"
                            | "jurnalis"
                            | "pers"
                            | "sela"
                            | "sela-sela"
                            | "acara"
                            | "kegiatan"
                            | "rapat"
                            | "konferensi"
                            | "jumpa"
                            | "siang"
                            | "pagi"
                            | "sore"
                            | "malam"
                            | "hari"
                            | "ini"
                            | "itu"
                            | "tersebut"
                    )
            }
        }
    }

    /// The reported clause in `tokens`, without its closing period; `None` when it is too
    /// short to report anything or, as the object of a verb (`after_verb`), only refers
    /// back (`mengatakan hal itu`).
    fn clause(&self, paragraph: &Paragraph, tokens: Range<usize>, after_verb: bool) -> Option<Range<usize>> {
        let content = trim_content(paragraph, tokens);
        let words = content.clone().filter(|&at| paragraph.tokens[at].kind == Kind::Word).count();
        let opener = paragraph.word(content.start).unwrap_or_default();
        (words >= 3 && !(after_verb && ANAPHORIC_OPENERS.contains(&opener))).then_some(content)
    }

    /// The speaker named from `tokens.start` on (after a cue): a pronoun, a source phrase
    /// (unless a name follows it: `kata petani Suparjo`, `kata seorang warga, Suparjo`),
    /// the first person, the first institution, or capitalised words.
    fn speaker_after(&self, index: usize, tokens: Range<usize>) -> Option<Named> {
        let paragraph = &self.paragraphs[index];
        let tokens = tokens.start..tokens.end.min(paragraph.tokens.len()).min(tokens.start + SPEAKER_WINDOW);
        let first = paragraph.word(tokens.start)?;
        if PRONOUNS.contains(&first) {
            return Some(Named::Pronoun(paragraph.original(tokens.start)));
        }
        let stop = (tokens.start..tokens.end).find(|&k| paragraph.is_quote_mark(k)).unwrap_or(tokens.end);
        let person =
            (tokens.start..stop).find_map(|k| Some((k, self.entity(paragraph.original(k), EntityKind::Person)?)));
        if let Some((source, source_end)) = self.source_at(paragraph, tokens.start) {
            return match person {
                Some((at, person)) if at == source_end || paragraph.is(at - 1, ",") => Some(Named::Entity(person)),
                _ => Some(Named::Source(source)),
            };
        }
        if let Some((_, person)) = person {
            return Some(Named::Entity(person));
        }
        if let Some(institution) =
            paragraph.originals(tokens.start..stop).take(6).find_map(|s| self.entity(s, EntityKind::Institution))
        {
            return Some(Named::Entity(institution));
        }
        self.unknown(paragraph, tokens.start..stop)
    }

    /// The subject of a verb after `tokens` (the clause before it): a pronoun or a phrase
    /// referring back to an institution just before the verb, the last person, a source
    /// phrase opening the clause, the last institution, or the capitalised words before
    /// the verb.
    fn speaker_before(&self, index: usize, tokens: Range<usize>) -> Option<Named> {
        let paragraph = &self.paragraphs[index];
        if tokens.is_empty() {
            return None;
        }
        let tokens = tokens.start.max(tokens.end.saturating_sub(SPEAKER_WINDOW))..tokens.end;
        let last = tokens.end - 1;
        // `Ia (juga) menyatakan …`, `Lembaga itu (pun) menilai …`
        let adverb = paragraph.word(last).is_some_and(|w| ADVERBS.contains(&w));
        let end = if adverb && last > tokens.start { last } else { tokens.end };
        if paragraph.word(end - 1).is_some_and(|w| PRONOUNS.contains(&w)) {
            return Some(Named::Pronoun(paragraph.original(end - 1)));
        }
        if end >= tokens.start + 2
            && paragraph.word(end - 1).is_some_and(|w| matches!(w, "itu" | "tersebut" | "ini"))
            && paragraph.word(end - 2).is_some_and(|w| INSTITUTION_NOUNS.contains(&w))
        {
            return Some(Named::Institutional(paragraph.span(end - 2..end)));
        }
        if let Some(person) = paragraph.originals(tokens.clone()).rev().find_map(|s| self.entity(s, EntityKind::Person))
        {
            return Some(Named::Entity(person));
        }
        // A source opens the clause, or follows a connective and its comma.
        let opening = tokens.clone().filter(|&k| k == tokens.start || paragraph.is(k - 1, ","));
        if let Some((source, _)) = opening.take(3).find_map(|k| self.source_at(paragraph, k)) {
            return Some(Named::Source(source));
        }
        if let Some(institution) =
            paragraph.originals(tokens.clone()).rev().find_map(|s| self.entity(s, EntityKind::Institution))
        {
            return Some(Named::Entity(institution));
        }
        // `Kepala SMA Negeri 3 Pekanbaru, Syafrizal, menegaskan`: the name before the verb.
        let end = if paragraph.is(last, ",") { last } else { tokens.end };
        let run = (tokens.start..end).rev().take_while(|&k| self.capital(paragraph, k)).last()?;
        self.unknown(paragraph, run..end)
    }

    /// A source phrase starting at token `at` (determiners, then a source noun, then what
    /// places it: `sumber di kepolisian`, `warga Desa Sumberejo`), and the token after it.
    fn source_at(&self, paragraph: &Paragraph, at: usize) -> Option<(Span, usize)> {
        let head = (at..paragraph.tokens.len())
            .take(3)
            .find(|&k| !paragraph.word(k).is_some_and(|w| SOURCE_DETERMINERS.contains(&w)))?;
        let word = paragraph.word(head)?;
        if !SOURCES.contains(&word) || self.entity(paragraph.original(head), EntityKind::Person).is_some() {
            return None;
        }
        let mut end = head + 1;
        if word == "juru" && paragraph.word(end).is_some() {
            end += 1;
        }
        if paragraph.word(end).is_some_and(|w| w == "di" || w == "dari") && paragraph.word(end + 1).is_some() {
            end += 2;
        }
        while self.capital(paragraph, end) && self.entity(paragraph.original(end), EntityKind::Person).is_none() {
            end += 1;
        }
        Some((paragraph.span(at..end), end))
    }

    fn capital(&self, paragraph: &Paragraph, at: usize) -> bool {
        paragraph.word(at).is_some() && paragraph.tokens[at].written.capital
    }

    /// The capitalised words from `tokens.start`, if it starts with one: an institution
    /// when its first word heads institution names (`Pemerintah Provinsi Bali`), else a
    /// person.
    fn unknown(&self, paragraph: &Paragraph, tokens: Range<usize>) -> Option<Named> {
        let end = tokens.clone().take_while(|&k| self.capital(paragraph, k)).last()?;
        let first = paragraph.word(tokens.start)?;
        let kind = match self.lexicon.not_name(first) {
            Some(WordClass::Institution) => SpeakerKind::Institution,
            Some(_) if end == tokens.start => return None,
            _ => SpeakerKind::Person,
        };
        Some(Named::Unknown(paragraph.span(tokens.start..end + 1), kind))
    }

    /// The entity of `kind` that covers the token at `span`.
    fn entity(&self, span: Span, kind: EntityKind) -> Option<usize> {
        // The quotes are read in text order, their speakers within a window of them: each
        // search is near the last.
        let at = self.entities.first_ending_after(span.start);
        (at..self.entities.len())
            .take_while(|&i| self.entities[i].span.start <= span.start)
            .find(|&i| self.entities[i].kind == kind && self.entities[i].span.overlaps(span))
    }

    /// Gives every quote its speaker: its own attribution's, else its group's, else that
    /// of the quote before it in the same or the previous paragraph.
    fn resolve(&self, found: &mut [Found]) {
        let quoted: Vec<Span> = found
            .iter()
            .filter(|f| f.kind == QuoteKind::Direct)
            .map(|f| self.paragraphs[f.paragraph].span(f.content.clone()))
            .collect();
        // The speaker written for each group of pieces (a quote over several paragraphs).
        let mut group_speakers: FxHashMap<usize, Named> = FxHashMap::default();
        for quote in found.iter().filter(|f| f.group != 0) {
            if let Some(named) = quote.attribution.as_ref().and_then(|a| a.speaker) {
                group_speakers.entry(quote.group).or_insert(named);
            }
        }
        // The quote of the last person who spoke, for a pronoun whose person no entity
        // names.
        let mut last_person: Option<usize> = None;
        for at in 0..found.len() {
            let last = last_person.and_then(|quote| found[quote].speaker.as_ref());
            let own =
                found[at].attribution.as_ref().and_then(|a| a.speaker).map(|named| self.speaker(named, &quoted, last));
            let group = found[at].group;
            let from_group = || group_speakers.get(&group).map(|&named| self.speaker(named, &quoted, last));
            let speaker = match (&found[at].attribution, own) {
                (Some(_), speaker) => speaker,
                (None, _) => from_group().or_else(|| {
                    let previous = at.checked_sub(1).map(|p| &found[p])?;
                    (found[at].paragraph - previous.paragraph <= 1).then(|| previous.speaker.clone()).flatten()
                }),
            };
            if speaker.as_ref().is_some_and(|s| s.kind == SpeakerKind::Person && s.canonical.is_some()) {
                last_person = Some(at);
            }
            found[at].speaker = speaker;
        }
    }

    /// The speaker of `named`. A pronoun resolves to the nearest person named before it
    /// outside quoted words, or to the last person who spoke (`last_person`) when they
    /// spoke after that; a phrase like `lembaga itu` to the nearest institution before it.
    fn speaker(&self, named: Named, quoted: &[Span], last_person: Option<&Speaker>) -> Speaker {
        let (span, kind) = match named {
            Named::Entity(i) if self.entities[i].kind == EntityKind::Person => {
                (self.entities[i].span, SpeakerKind::Person)
            }
            Named::Entity(i) => (self.entities[i].span, SpeakerKind::Institution),
            Named::Pronoun(span) => (span, SpeakerKind::Person),
            Named::Institutional(span) => (span, SpeakerKind::Institution),
            Named::Source(span) => (span, SpeakerKind::Source),
            Named::Unknown(span, kind) => (span, kind),
        };
        let text = CompactString::from(&self.text[span.range()]);
        let link =
            |entity: Option<usize>| entity.map(|i| (self.entities[i].canonical.clone(), self.entities[i].id.clone()));
        let (canonical, id) = match named {
            Named::Entity(i) => (Some(self.entities[i].canonical.clone()), Some(self.entities[i].id.clone())),
            Named::Pronoun(span) => {
                let entity = self.antecedent(span, quoted, EntityKind::Person);
                let spoke_later =
                    last_person.filter(|p| entity.is_none_or(|i| p.span.start > self.entities[i].span.end));
                match spoke_later {
                    Some(person) => (person.canonical.clone(), person.id.clone()),
                    None => link(entity).unzip(),
                }
            }
            Named::Institutional(span) => link(self.antecedent(span, quoted, EntityKind::Institution)).unzip(),
            Named::Source(_) => (None, None),
            // A word of a known full name that the people module left unlinked is shared
            // by two of them (`kata Budi` beside two Budis): no one in particular.
            Named::Unknown(..) if self.part_of_a_name(&text) => (None, None),
            Named::Unknown(..) => (Some(text.clone()), None),
        };
        Speaker { span, text, kind, canonical, id }
    }

    /// Whether every word of `name` is a word of some person's full name.
    fn part_of_a_name(&self, name: &str) -> bool {
        let words = self.name_words.get_or_init(|| {
            let people = self.entities.all().iter().filter(|e| e.kind == EntityKind::Person);
            people.flat_map(|e| e.canonical.split_whitespace()).collect()
        });
        name.split_whitespace().all(|word| words.contains(word))
    }

    /// The entity of `kind` nearest before `span` that is not inside quoted words; it looks
    /// back a bounded number of mentions, so the cost per pronoun stays constant.
    fn antecedent(&self, span: Span, quoted: &[Span], kind: EntityKind) -> Option<usize> {
        let of_kind = self.of_kind.get_or_init(|| {
            let indices =
                |kind: EntityKind| (0..self.entities.len()).filter(|&i| self.entities[i].kind == kind).collect();
            (indices(EntityKind::Person), indices(EntityKind::Institution))
        });
        let indices: &[usize] = if kind == EntityKind::Person { &of_kind.0 } else { &of_kind.1 };
        let before = indices.partition_point(|&i| self.entities[i].span.start < span.start);
        indices[..before].iter().rev().copied().take(32).find(|&i| {
            let mention = self.entities[i].span;
            let at = quoted.partition_point(|q| q.end <= mention.start);
            !quoted.get(at).is_some_and(|q| q.contains(mention))
        })
    }

    fn quote(&self, found: Found) -> Quote {
        let paragraph = &self.paragraphs[found.paragraph];
        let span = paragraph.span(found.content.clone());
        let cue = found.attribution.map(|a| Cue { span: a.cue_span, text: self.text[a.cue_span.range()].into() });
        Quote { span, text: self.text[span.range()].into(), kind: found.kind, cue, speaker: found.speaker }
    }
}

/// Whether `word` is a verb after its subject that reports speech.
fn is_speech_verb(word: &str) -> bool {
    cue(word).speech
}

/// Whether `word` (normalised) names a speaker after it: `kata`, `ujar`, `menurut`.
pub(crate) fn cues_a_speaker(word: &str) -> bool {
    let cue = cue(word);
    cue.after || cue.according
}

/// Whether `word` (normalised) is a verb after its subject that introduces words in marks
/// or reports speech: `mengatakan`, `berharap`.
pub(crate) fn is_quoting_verb(word: &str) -> bool {
    cue(word).quoting()
}

/// `tokens` without the comma or period that closes a quoted piece or a clause (`?` and
/// `!` stay), nor an ellipsis' last dot.
fn trim_content(paragraph: &Paragraph, tokens: Range<usize>) -> Range<usize> {
    let mut content = tokens;
    if content.end > content.start {
        let last = content.end - 1;
        let single_period = paragraph.is(last, ".") && !(last > content.start && paragraph.is(last - 1, "."));
        if paragraph.is(last, ",") || single_period {
            content.end -= 1;
        }
    }
    content
}
