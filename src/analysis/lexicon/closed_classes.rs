//! Closed word classes, compiled into flags (`flag::AUX` …) so that a rule tests a bit, not a
//! list. Shared, as source, by the build script that compiles them (`build.rs`) and the engine.

pub const AUX: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would", "could", "should", "may",
    "might", "must", "can", "did", "does", "do", "shall", "'s", "’s", "'d", "’d",
];
pub const BE: &[&str] = &["is", "are", "was", "were", "be", "been", "being", "'s", "’s", "am"];
pub const ADVERBS: &[&str] = &[
    "also", "again", "later", "then", "previously", "earlier", "repeatedly", "recently", "once", "never", "ever", "further",
    "publicly", "privately", "separately", "simply", "only", "even", "just", "already", "still", "often", "always",
    "sometimes", "reportedly", "allegedly", "first", "initially", "subsequently", "now", "not", "n't", "frequently",
    "clearly", "flatly", "firmly", "bluntly", "openly", "quietly", "angrily", "repeatedly", "have", "has", "had", "will",
    "would", "could", "should", "did", "does", "do", "is", "was", "are", "were", "has", "been", "last", "late",
    "explicitly", "directly", "specifically", "confidently", "emphatically", "tersely", "curtly", "succinctly",
    "afterwards", "afterward", "meanwhile",
];
pub const DETERMINERS_BEFORE_NOUN: &[&str] = &["the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its", "our", "my", "your", "whose"];
pub const DETERMINERS: &[&str] = &[
    "the", "a", "an", "another", "his", "her", "their", "its", "our", "my", "your", "this", "these", "those", "some", "many",
    "several", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens", "both", "all", "most", "other", "one",
    "each", "every", "no", "few", "numerous", "multiple", "various",
];
pub const NAME_PARTICLES: &[&str] = &["van", "von", "den", "der", "de", "da", "di", "du", "del", "della", "le", "ter", "ten"];
pub const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i", "you"];
pub const PREPOSITIONS: &[&str] = &[
    "to", "with", "about", "on", "at", "for", "in", "of", "from", "by", "into", "over", "after", "before", "during", "against",
    "without", "through", "under", "between", "among", "as", "like", "via", "up", "out", "off", "down", "back", "away",
];
pub const TIME_NOUNS: &[&str] = &["week", "month", "year", "night", "morning", "afternoon", "evening", "weekend", "day", "today", "yesterday", "tonight", "summer", "winter", "autumn"];
pub const PASSIVE_ADVERBS: &[&str] = &[
    "being", "widely", "generally", "largely", "also", "now", "increasingly", "still", "often", "commonly", "broadly",
    "not", "long", "privately", "publicly", "internally", "already", "further", "frequently", "strongly", "firmly",
    "universally", "popularly", "sometimes", "previously", "once", "originally", "traditionally", "reportedly",
    "nonetheless", "nevertheless", "therefore", "thus", "even", "always", "never",
];
