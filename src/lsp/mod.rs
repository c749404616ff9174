//! The language server over stdio (tower-lsp-server). It holds no linguistics: every answer is
//! read off `analysis::analyze` output for the document's current text.
//!
//! `documents` owns the ropes and the analysis worker, `position` every offset conversion,
//! `settings` the configuration layers; one module per feature turns an analysis into replies.

pub mod actions;
pub mod commands;
pub mod diagnostics;
pub mod documents;
pub mod hover;
pub mod inlay;
pub mod memory;
pub mod navigation;
pub mod position;
pub mod settings;
pub mod sources;
pub mod transport;
#[cfg(test)]
mod tests;

use crate::analysis::{rules, Options};
use crate::config::edit::{Change, Outcome};
use crate::config::{ConfigError, PROJECT_FILE};
use documents::{Document, Slot, Snapshot};
use position::Encoding;
use serde_json::Value;
use std::collections::HashMap;
use std::str::FromStr;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicU8, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;
use tower_lsp_server::jsonrpc::{Error, ErrorCode, Result};
use tower_lsp_server::ls_types::*;
use tower_lsp_server::{Client, LanguageServer, LspService, Server};

/// What the client said it supports, for the requests the server may send it.
#[derive(Clone, Copy, Default)]
struct ClientSupport {
    configuration: bool,
    inlay_refresh: bool,
    code_lens_refresh: bool,
    watch_files: bool,
}

pub struct State {
    pub client: Client,
    /// Direct path to stdout for diagnostics (see `transport`).
    pub out: transport::Output,
    docs: Mutex<HashMap<Uri, Slot>>,
    layers: Mutex<settings::Layers>,
    enc: AtomicU8,
    support: Mutex<ClientSupport>,
    next_open_id: AtomicU64,
    shutdown: Arc<AtomicBool>,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic elsewhere must not take the server down with it.
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl State {
    pub fn docs(&self) -> MutexGuard<'_, HashMap<Uri, Slot>> {
        lock(&self.docs)
    }
    /// Options for the next analysis, the rule links for its diagnostics, and the configuration
    /// generation they belong to.
    pub fn options(&self) -> (Options, Arc<diagnostics::RuleLinks>, u64) {
        let l = lock(&self.layers);
        (l.effective.options.clone(), l.links.clone(), l.generation)
    }
    pub fn links(&self) -> Arc<diagnostics::RuleLinks> {
        lock(&self.layers).links.clone()
    }
    pub fn generation(&self) -> u64 {
        lock(&self.layers).generation
    }
    pub fn encoding(&self) -> Encoding {
        if self.enc.load(Ordering::Relaxed) == 8 {
            Encoding::Utf8
        } else {
            Encoding::Utf16
        }
    }
    fn inlay_hints_enabled(&self) -> bool {
        lock(&self.layers).effective.inlay_hints
    }
    fn sources_lens_enabled(&self) -> bool {
        lock(&self.layers).effective.sources_lens
    }
    /// Ask the client to fetch code lenses again, if it can be asked: a new version changed the
    /// sources line, or the setting changed. Not awaited inline (the client may answer only after
    /// the handler that sent it returns).
    pub fn refresh_lenses(&self) {
        if !lock(&self.support).code_lens_refresh {
            return;
        }
        let client = self.client.clone();
        tokio::spawn(async move {
            let _ = tokio::time::timeout(Duration::from_secs(10), client.code_lens_refresh()).await;
        });
    }
    /// After a new version is cached: refresh the lens when its line would read differently.
    pub fn lens_changed(&self, before: Option<&Snapshot>, now: &Snapshot) {
        if !self.sources_lens_enabled() || !lock(&self.support).code_lens_refresh {
            return;
        }
        let text = |s: &Snapshot| sources::summary_text(s.sources());
        if before.is_none_or(|b| text(b) != text(now)) {
            self.refresh_lenses();
        }
    }
}

/// Log to stderr and to the editor's output panel.
pub async fn log(client: &Client, typ: MessageType, message: String) {
    if typ == MessageType::ERROR || typ == MessageType::WARNING {
        tracing::warn!("{message}");
    } else {
        tracing::info!("{message}");
    }
    client.log_message(typ, message).await;
}

pub struct Backend {
    state: Arc<State>,
}

impl Backend {
    async fn snapshot(&self, uri: &Uri) -> Option<Arc<Snapshot>> {
        documents::snapshot(&self.state, uri).await
    }

    /// Re-analyse every open document (after a configuration change) and refresh inlay hints.
    async fn config_changed(&self) {
        {
            let mut docs = self.state.docs();
            let uris: Vec<Uri> = docs.keys().cloned().collect();
            for uri in uris {
                if let Some(slot) = docs.get_mut(&uri) {
                    if slot.doc.is_some() {
                        documents::schedule(&self.state, slot, &uri);
                    }
                }
            }
        }
        self.state.refresh_lenses();
        let refresh = lock(&self.state.support).inlay_refresh;
        if refresh {
            let client = self.state.client.clone();
            // Not awaited inline: the client may answer only after this notification handler returns.
            tokio::spawn(async move {
                let _ = tokio::time::timeout(Duration::from_secs(10), client.inlay_hint_refresh()).await;
            });
        }
    }

    /// Apply a configuration change; a refused one is shown to the user and changes nothing.
    async fn apply_config(&self, change: impl FnOnce(&mut settings::Layers) -> std::result::Result<bool, ConfigError>) {
        let result = change(&mut lock(&self.state.layers));
        match result {
            Ok(true) => self.config_changed().await,
            Ok(false) => {}
            Err(e) => {
                let text = format!("whosaid: {e}. The previous settings stay in force.");
                log(&self.state.client, MessageType::WARNING, text.clone()).await;
                self.state.client.show_message(MessageType::ERROR, text).await;
            }
        }
    }

    async fn pull_configuration(&self) {
        if !lock(&self.state.support).configuration {
            return;
        }
        let items = vec![ConfigurationItem { scope_uri: None, section: Some("whosaid".to_string()) }];
        let reply = tokio::time::timeout(Duration::from_secs(10), self.state.client.configuration(items)).await;
        match reply {
            Ok(Ok(values)) => {
                let value = values.into_iter().next().unwrap_or(Value::Null);
                self.apply_config(|l| l.set_editor(value)).await;
            }
            Ok(Err(e)) => log(&self.state.client, MessageType::WARNING, format!("workspace/configuration failed: {e}")).await,
            Err(_) => log(&self.state.client, MessageType::WARNING, "workspace/configuration: no reply".into()).await,
        }
    }

    /// Save a setting in `.whosaid.toml` (the server's only file write), then apply it like a
    /// watched-file change. A refusal is shown to the user and returned as the request's error.
    async fn save_setting(&self, change: Change) -> Result<Option<LSPAny>> {
        let state = self.state.clone();
        let job = change.clone();
        let written = tokio::task::spawn_blocking(move || {
            // Under the lock: reloads and other writes wait, so each write compares with the latest read.
            let mut layers = lock(&state.layers);
            let generation = layers.generation;
            let result = layers.write_project(&job);
            // Editor settings win over the file; say so when they undo what was just saved.
            let options = &layers.effective.options;
            let overridden = match &job {
                Change::DisableRule { rule } => rules::rule(rule).is_some() && options.rules.severity(rule).is_some(),
                Change::AddSpeaker { name, .. } => {
                    !options.known_speakers.iter().any(|k| k.name.trim().to_lowercase() == name.trim().to_lowercase())
                }
            };
            (result, layers.generation != generation, overridden)
        })
        .await;
        let Ok((result, config_changed, overridden)) = written else {
            return Err(Error::internal_error());
        };
        if config_changed {
            self.config_changed().await;
        }
        match result {
            Ok((outcome, path)) => {
                let file = path.display().to_string();
                let mut message = match outcome {
                    Outcome::Written => change.done(&file),
                    Outcome::Unchanged => change.already(&file),
                };
                if overridden {
                    message.push_str(match change {
                        Change::DisableRule { .. } => {
                            " Your editor's whosaid settings turn it on again; they take precedence over the file."
                        }
                        Change::AddSpeaker { .. } => {
                            " Your editor's whosaid settings list speakers too and take precedence over the file, so add this person there as well."
                        }
                    });
                }
                log(&self.state.client, MessageType::INFO, format!("whosaid: {message}")).await;
                self.state.client.show_message(MessageType::INFO, format!("whosaid: {message}")).await;
                Ok(Some(serde_json::json!({
                    "written": outcome == Outcome::Written,
                    "file": file,
                    "message": message,
                })))
            }
            Err(refusal) => {
                let message = format!("whosaid: {refusal}");
                log(&self.state.client, MessageType::WARNING, message.clone()).await;
                self.state.client.show_message(MessageType::WARNING, message.clone()).await;
                // -32803, RequestFailed: the request was valid, the server could not carry it out.
                Err(Error { code: ErrorCode::ServerError(-32803), message: message.into(), data: None })
            }
        }
    }

    fn offset(s: &Snapshot, pos: Position) -> usize {
        s.offset(pos)
    }

    /// The sources of an open document, current version (`what` names the request in errors).
    async fn sources_of(&self, what: &str, uri: &Uri) -> Result<Value> {
        match self.snapshot(uri).await {
            Some(s) => Ok(sources::response(&s)),
            None => Err(Error {
                code: ErrorCode::InvalidParams,
                message: format!("{what}: {} is not an open document", uri.as_str()).into(),
                data: None,
            }),
        }
    }

    /// `whosaid/sources`, params `{"textDocument": {"uri"}}`.
    async fn sources_request(&self, params: TextDocumentParams) -> Result<Value> {
        self.sources_of(sources::REQUEST, &params.text_document.uri).await
    }
}

/// Params of `whosaid/sources`.
#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct TextDocumentParams {
    text_document: TextDocumentIdentifier,
}

fn workspace_root(params: &InitializeParams) -> Option<std::path::PathBuf> {
    let uri = params
        .workspace_folders
        .as_ref()
        .and_then(|f| f.first())
        .map(|f| f.uri.clone())
        .or_else(|| {
            #[allow(deprecated)]
            params.root_uri.clone()
        })?;
    if uri.scheme().as_str() != "file" {
        return None;
    }
    uri.to_file_path().map(|p| p.into_owned())
}

fn uri_arg(args: &[Value]) -> Option<Uri> {
    Uri::from_str(args.first()?.as_str()?).ok()
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let caps = &params.capabilities;
        let enc = Encoding::negotiate(caps.general.as_ref().and_then(|g| g.position_encodings.as_deref()));
        self.state.enc.store(if enc == Encoding::Utf8 { 8 } else { 16 }, Ordering::Relaxed);
        let ws = caps.workspace.as_ref();
        *lock(&self.state.support) = ClientSupport {
            configuration: ws.and_then(|w| w.configuration).unwrap_or(false),
            inlay_refresh: ws.and_then(|w| w.inlay_hint.as_ref()).and_then(|i| i.refresh_support).unwrap_or(false),
            code_lens_refresh: ws.and_then(|w| w.code_lens.as_ref()).and_then(|c| c.refresh_support).unwrap_or(false),
            watch_files: ws
                .and_then(|w| w.did_change_watched_files.as_ref())
                .and_then(|d| d.dynamic_registration)
                .unwrap_or(false),
        };

        let mut problems = Vec::new();
        {
            let mut layers = lock(&self.state.layers);
            layers.root = workspace_root(&params);
            if let Err(e) = layers.reload_project() {
                problems.push(e);
            }
            if let Some(init) = params.initialization_options.clone() {
                if let Err(e) = layers.set_init_options(init) {
                    problems.push(e);
                }
            }
        }
        for e in problems {
            let text = format!("whosaid: {e}. Using the other settings.");
            tracing::warn!("{text}");
            // Not shown yet: notifications before `initialize` returns are dropped; see `initialized`.
            lock(&self.state.layers).init_problems.push(text);
        }

        Ok(InitializeResult {
            capabilities: ServerCapabilities {
                position_encoding: Some(enc.kind()),
                text_document_sync: Some(TextDocumentSyncCapability::Options(TextDocumentSyncOptions {
                    open_close: Some(true),
                    change: Some(TextDocumentSyncKind::INCREMENTAL),
                    ..TextDocumentSyncOptions::default()
                })),
                hover_provider: Some(HoverProviderCapability::Simple(true)),
                definition_provider: Some(OneOf::Left(true)),
                references_provider: Some(OneOf::Left(true)),
                document_highlight_provider: Some(OneOf::Left(true)),
                document_symbol_provider: Some(OneOf::Left(true)),
                code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
                    code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
                    ..CodeActionOptions::default()
                })),
                inlay_hint_provider: Some(OneOf::Right(InlayHintServerCapabilities::Options(InlayHintOptions {
                    resolve_provider: Some(true),
                    ..InlayHintOptions::default()
                }))),
                code_lens_provider: Some(CodeLensOptions { resolve_provider: Some(false) }),
                execute_command_provider: Some(ExecuteCommandOptions {
                    commands: commands::ALL.iter().map(|c| c.to_string()).collect(),
                    ..ExecuteCommandOptions::default()
                }),
                ..ServerCapabilities::default()
            },
            server_info: Some(ServerInfo { name: "whosaid".into(), version: Some(env!("CARGO_PKG_VERSION").into()) }),
            ..InitializeResult::default()
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        let problems = std::mem::take(&mut lock(&self.state.layers).init_problems);
        for text in problems {
            self.state.client.show_message(MessageType::ERROR, text).await;
        }
        let (support, root) = (*lock(&self.state.support), lock(&self.state.layers).root.clone());
        if support.watch_files && root.is_some() {
            let options = DidChangeWatchedFilesRegistrationOptions {
                watchers: vec![FileSystemWatcher {
                    glob_pattern: GlobPattern::String(format!("**/{PROJECT_FILE}")),
                    kind: None,
                }],
            };
            let registration = Registration {
                id: "whosaid-project-file".into(),
                method: "workspace/didChangeWatchedFiles".into(),
                register_options: serde_json::to_value(options).ok(),
            };
            let client = self.state.client.clone();
            tokio::spawn(async move {
                let _ = tokio::time::timeout(Duration::from_secs(10), client.register_capability(vec![registration])).await;
            });
        }
        self.pull_configuration().await;
        log(&self.state.client, MessageType::INFO, format!("whosaid {} ready", env!("CARGO_PKG_VERSION"))).await;
    }

    async fn shutdown(&self) -> Result<()> {
        self.state.shutdown.store(true, Ordering::SeqCst);
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let item = params.text_document;
        let format = documents::format_of(&item.language_id, &item.uri);
        let open_id = self.state.next_open_id.fetch_add(1, Ordering::Relaxed);
        let doc = Document { open_id, version: item.version, rope: ropey::Rope::from_str(&item.text), format };
        let reopened = {
            let mut docs = self.state.docs();
            let slot = docs.entry(item.uri.clone()).or_insert_with(Slot::new_empty);
            // A new open_id: the old text's analyses can never answer for this one.
            let reopened = slot.doc.replace(doc).is_some();
            documents::schedule(&self.state, slot, &item.uri);
            reopened
        };
        if reopened {
            let note = format!("didOpen for {}, which is already open: its text is replaced", item.uri.as_str());
            log(&self.state.client, MessageType::WARNING, note).await;
        }
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let uri = params.text_document.uri;
        let enc = self.state.encoding();
        let mut notes = Vec::new();
        {
            // Applied before any await, so edits keep the order they arrived in.
            let mut docs = self.state.docs();
            match docs.get_mut(&uri) {
                Some(slot) if slot.doc.is_some() => {
                    let doc = slot.doc.as_mut().expect("checked above");
                    for change in params.content_changes {
                        if let Some(clamp) = position::apply_change(&mut doc.rope, change.range, &change.text, enc) {
                            notes.push(format!(
                                "didChange for {} (version {}): range {:?} clamped: {clamp}",
                                uri.as_str(),
                                params.text_document.version,
                                change.range
                            ));
                        }
                    }
                    let version = params.text_document.version;
                    if version < doc.version {
                        // Snapshots are matched by (open_id, version >= ...): without a new history an
                        // older analysis with a higher number would answer for this text.
                        doc.open_id = self.state.next_open_id.fetch_add(1, Ordering::Relaxed);
                        notes.push(format!(
                            "didChange for {}: version went backwards from {} to {version}; the edit is applied",
                            uri.as_str(),
                            doc.version
                        ));
                    }
                    doc.version = version;
                    documents::schedule(&self.state, slot, &uri);
                }
                _ => notes.push(format!("didChange for {}, which is not open: ignored", uri.as_str())),
            }
        }
        for note in notes {
            log(&self.state.client, MessageType::WARNING, note).await;
        }
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        let mut docs = self.state.docs();
        match docs.get_mut(&uri) {
            Some(slot) if slot.analysing => {
                // The worker clears the diagnostics after its last publish, keeping them in order.
                slot.doc = None;
            }
            Some(_) => {
                docs.remove(&uri);
                documents::publish(&self.state, uri, Vec::new(), None);
                memory::release();
            }
            None => {}
        }
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        let settings = params.settings;
        let support = *lock(&self.state.support);
        match settings {
            Value::Object(ref o) if o.contains_key("whosaid") => {
                let inner = o["whosaid"].clone();
                self.apply_config(|l| l.set_editor(inner)).await;
            }
            _ if support.configuration => self.pull_configuration().await,
            Value::Object(ref o) if !o.is_empty() => self.apply_config(|l| l.set_editor(settings.clone())).await,
            _ => {}
        }
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        let touches_project = params.changes.iter().any(|c| c.uri.path().as_str().ends_with(PROJECT_FILE));
        if touches_project {
            self.apply_config(|l| l.reload_project()).await;
        }
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        let p = params.text_document_position_params;
        let Some(s) = self.snapshot(&p.text_document.uri).await else { return Ok(None) };
        Ok(hover::hover(&s, Self::offset(&s, p.position), &self.state.links()))
    }

    async fn inlay_hint(&self, params: InlayHintParams) -> Result<Option<Vec<InlayHint>>> {
        if !self.state.inlay_hints_enabled() {
            return Ok(Some(Vec::new()));
        }
        let Some(s) = self.snapshot(&params.text_document.uri).await else { return Ok(None) };
        Ok(Some(inlay::hints(&s, s.span(params.range))))
    }

    async fn code_lens(&self, params: CodeLensParams) -> Result<Option<Vec<CodeLens>>> {
        if !self.state.sources_lens_enabled() {
            return Ok(Some(Vec::new()));
        }
        let Some(s) = self.snapshot(&params.text_document.uri).await else { return Ok(None) };
        Ok(Some(sources::lenses(&s)))
    }

    async fn inlay_hint_resolve(&self, hint: InlayHint) -> Result<InlayHint> {
        let Some(uri) = inlay::data_uri(&hint).and_then(|u| Uri::from_str(&u).ok()) else { return Ok(hint) };
        match self.snapshot(&uri).await {
            Some(s) => Ok(inlay::resolve(&s, hint)),
            None => Ok(hint),
        }
    }

    async fn document_symbol(&self, params: DocumentSymbolParams) -> Result<Option<DocumentSymbolResponse>> {
        let Some(s) = self.snapshot(&params.text_document.uri).await else { return Ok(None) };
        Ok(Some(DocumentSymbolResponse::Nested(navigation::symbols(&s))))
    }

    async fn document_highlight(&self, params: DocumentHighlightParams) -> Result<Option<Vec<DocumentHighlight>>> {
        let p = params.text_document_position_params;
        let Some(s) = self.snapshot(&p.text_document.uri).await else { return Ok(None) };
        let found = navigation::highlights(&s, Self::offset(&s, p.position));
        Ok((!found.is_empty()).then_some(found))
    }

    async fn references(&self, params: ReferenceParams) -> Result<Option<Vec<Location>>> {
        let p = params.text_document_position;
        let Some(s) = self.snapshot(&p.text_document.uri).await else { return Ok(None) };
        let found = navigation::references(&s, Self::offset(&s, p.position), params.context.include_declaration);
        Ok((!found.is_empty()).then_some(found))
    }

    async fn goto_definition(&self, params: GotoDefinitionParams) -> Result<Option<GotoDefinitionResponse>> {
        let p = params.text_document_position_params;
        let Some(s) = self.snapshot(&p.text_document.uri).await else { return Ok(None) };
        Ok(navigation::definition(&s, Self::offset(&s, p.position)).map(GotoDefinitionResponse::Scalar))
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        let Some(s) = self.snapshot(&params.text_document.uri).await else { return Ok(None) };
        let config = {
            let l = lock(&self.state.layers);
            actions::ConfigContext {
                writable: l.root.is_some(),
                known_speakers: l.effective.options.known_speakers.iter().map(|k| k.name.trim().to_lowercase()).collect(),
                links: l.links.clone(),
            }
        };
        let found = actions::code_actions(&s, s.span(params.range), &config);
        Ok((!found.is_empty()).then_some(found))
    }

    async fn execute_command(&self, params: ExecuteCommandParams) -> Result<Option<LSPAny>> {
        match params.command.as_str() {
            commands::SOURCES => {
                let Some(uri) = uri_arg(&params.arguments) else {
                    return Err(Error::invalid_params(format!(
                        "{}: expected one argument, the document URI as a string",
                        commands::SOURCES
                    )));
                };
                self.sources_of(commands::SOURCES, &uri).await.map(Some)
            }
            // The lens's command, for clients that send it back here instead of handling it.
            sources::SHOW => match uri_arg(&params.arguments) {
                Some(uri) => self.sources_of(sources::SHOW, &uri).await.map(Some),
                None => Ok(None),
            },
            commands::ADD_KNOWN_SPEAKER | commands::DISABLE_RULE => {
                let change = commands::config_change(&params.command, &params.arguments).map_err(Error::invalid_params)?;
                self.save_setting(change).await
            }
            other => Err(Error::invalid_params(format!("unknown command `{other}`; known: {}", commands::ALL.join(", ")))),
        }
    }
}

/// Serve LSP over stdio until `exit` or end of input; returns the process exit code
/// (0 after an orderly `shutdown`, 1 otherwise, as the protocol asks).
pub fn run() -> u8 {
    // WHOSAID_LOG=debug shows per-analysis timings.
    let level = match std::env::var("WHOSAID_LOG").unwrap_or_default().to_ascii_lowercase().as_str() {
        "trace" => tracing::Level::TRACE,
        "debug" => tracing::Level::DEBUG,
        "warn" => tracing::Level::WARN,
        "error" => tracing::Level::ERROR,
        _ => tracing::Level::INFO,
    };
    let _ = tracing_subscriber::fmt().with_writer(std::io::stderr).with_target(false).with_max_level(level).try_init();
    memory::limit_arenas();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .max_blocking_threads(4)
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("whosaid: cannot start the server: {e}");
            return 1;
        }
    };
    let shutdown = Arc::new(AtomicBool::new(false));
    let flag = shutdown.clone();
    let (out, written) = transport::stdout_writer();
    let server_out = out.clone();
    runtime.block_on(async move {
        let state_out = server_out.clone();
        let client_cell = Arc::new(std::sync::OnceLock::new());
        let cell = client_cell.clone();
        let (service, socket) = LspService::build(move |client| Backend {
            state: Arc::new(State {
                client: {
                    let _ = cell.set(client.clone());
                    client
                },
                out: state_out,
                docs: Mutex::new(HashMap::new()),
                layers: Mutex::new(settings::Layers::default()),
                enc: AtomicU8::new(16),
                support: Mutex::new(ClientSupport::default()),
                next_open_id: AtomicU64::new(1),
                shutdown: flag,
            }),
        })
        .custom_method(sources::REQUEST, Backend::sources_request)
        .finish();
        let (to_server, from_filter) = tokio::io::duplex(1 << 16);
        tokio::spawn(transport::filter(tokio::io::stdin(), to_server, client_cell));
        let (library_out, to_stdout) = tokio::io::duplex(1 << 16);
        let forwarder = tokio::spawn(transport::forward(to_stdout, server_out.clone()));
        Server::new(from_filter, library_out, socket).serve(service).await;
        // Everything the library wrote (the shutdown reply, say) goes out before we stop.
        let _ = forwarder.await;
        server_out.finish();
    });
    transport::wait_written(&written);
    // The stdin reader may still be blocked in a read the client never completes; don't wait for it.
    runtime.shutdown_background();
    if shutdown.load(Ordering::SeqCst) {
        0
    } else {
        1
    }
}
