using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Toolkit.Core.Diagnostics;
using Toolkit.Database.Baseline;
using Toolkit.Database.Engines;
using Toolkit.Database.Execution;
using Toolkit.Database.Journal;
using Toolkit.Database.Scripts;
using Toolkit.Database.Scripts.Flyway;

namespace Toolkit.Database;

/// <summary>
/// Configures one <see cref="ScriptEngine"/>. Immutable: every <c>With...</c> returns a new builder.
/// <see cref="Build"/> checks everything at once and throws a <see cref="DiagnosticException"/> whose
/// messages name the call to make.
/// <code>
/// var result = await ScriptEngineBuilder.For("Host=...;Database=app;Username=...;Password=...")
///     .WithScripts([new DatabaseScript("0001_add_x.sql", "CREATE TABLE x (id int)", "DROP TABLE x")])
///     .Build()
///     .MigrateAsync();
/// </code>
/// </summary>
public sealed partial record ScriptEngineBuilder
{
    private ScriptEngineBuilder() { }

    /// <summary>The connection string (PostgreSQL or SQLite), when given that way.</summary>
    public string? ConnectionString { get; init; }

    /// <summary>An engine given directly (wins over <see cref="ConnectionString"/>).</summary>
    public IDatabaseEngine? Engine { get; init; }

    /// <summary>Where scripts come from.</summary>
    public IScriptProvider? Scripts { get; init; }

    /// <summary>The journal table.</summary>
    public JournalTable Journal { get; init; } = new();

    /// <summary>Transaction per script (default) or one for the whole run.</summary>
    public TransactionMode TransactionMode { get; init; } = TransactionMode.PerScript;

    /// <summary>Statement timeout, or null for none.</summary>
    public TimeSpan? StatementTimeout { get; init; }

    /// <summary><c>$name$</c> variables.</summary>
    public ImmutableList<ScriptVariable> Variables { get; init; } = [];

    /// <summary>PostgreSQL schema the run is scoped to (search path, and the journal's schema unless set).</summary>
    public string? Schema { get; init; }

    /// <summary>Apply even when an applied script's file changed.</summary>
    public bool AllowChanged { get; init; }

    /// <summary>Apply even when a blocking lint rule fires.</summary>
    public bool AllowDestructive { get; init; }

    /// <summary>Where progress goes.</summary>
    public IScriptLog Log { get; init; } = NullScriptLog.Instance;

    /// <summary>Refuse to migrate a database that has a DbUp or Flyway journal and none of ours (default true).</summary>
    public bool GuardForeignJournals { get; init; } = true;

    /// <summary>The journal's rows, already read (a fan-out reads every tenant's at once); null = read them.</summary>
    public IReadOnlyList<JournalEntry>? KnownJournal { get; init; }

    /// <summary>
    /// PostgreSQL, a transaction per script: each script goes to the server as one pipelined batch (<c>BEGIN</c>, the
    /// session setup, the script, its journal row, <c>COMMIT</c>), one round trip instead of three. The fan-out sets it.
    /// </summary>
    internal bool Pipelined { get; init; }

    /// <summary>Sends each script with its journal row in one round trip (see <see cref="Pipelined"/>).</summary>
    internal ScriptEngineBuilder WithPipelinedScripts() => this with { Pipelined = true };

    /// <summary>Starts a builder for a PostgreSQL or SQLite connection string.</summary>
    public static ScriptEngineBuilder For(string connectionString) => new() { ConnectionString = connectionString };

    /// <summary>Starts a builder for an engine.</summary>
    public static ScriptEngineBuilder For(IDatabaseEngine engine) => new() { Engine = engine };

    /// <summary>Uses <paramref name="provider"/> for scripts.</summary>
    public ScriptEngineBuilder WithScripts(IScriptProvider provider) => this with { Scripts = provider };

    /// <summary>Uses scripts given in memory (name, up, down).</summary>
    public ScriptEngineBuilder WithScripts(IEnumerable<DatabaseScript> scripts) => this with { Scripts = new InMemoryScriptProvider(scripts) };

    /// <summary>Uses the <c>*.sql</c> files of <paramref name="directory"/>.</summary>
    public ScriptEngineBuilder WithScriptsFromFolder(string directory) => this with { Scripts = new FolderScriptProvider(directory) };

    /// <summary>Uses the shipped baseline SaaS schema for this builder's engine.</summary>
    public ScriptEngineBuilder WithBaselineScripts() =>
        this with { Scripts = BaselineScripts.For(Engine?.Name ?? (ConnectionString is { } c && DatabaseEngines.IsSqlite(c) ? "sqlite" : "postgresql")) };

    /// <summary>Puts the journal in <paramref name="table"/> (in <paramref name="schema"/> on PostgreSQL).</summary>
    public ScriptEngineBuilder WithJournal(string? schema, string table = JournalTable.DefaultTable) => this with { Journal = new JournalTable(schema, table) };

    /// <summary>One transaction per script (the default).</summary>
    public ScriptEngineBuilder WithTransactionPerScript() => this with { TransactionMode = TransactionMode.PerScript };

    /// <summary>No transaction (DbUp's <c>WithoutTransaction</c>): each statement commits on its own.</summary>
    public ScriptEngineBuilder WithoutTransaction() => this with { TransactionMode = TransactionMode.None };

    /// <summary>Puts the journal in <paramref name="journal"/> (for example the fan-out's shared table).</summary>
    public ScriptEngineBuilder WithJournal(JournalTable journal) => this with { Journal = journal };

    /// <summary>Does not look for DbUp or Flyway journals (for script sets that share a database with them, such as a swap's).</summary>
    public ScriptEngineBuilder IgnoringForeignJournals() => this with { GuardForeignJournals = false };

    /// <summary>Uses <paramref name="entries"/> as the journal's rows instead of reading them.</summary>
    public ScriptEngineBuilder WithKnownJournal(IReadOnlyList<JournalEntry> entries) => this with { KnownJournal = entries };

    /// <summary>Adds a raw <c>$name$</c> variable (DbUp's substitution: the value is spliced unquoted).</summary>
    public ScriptEngineBuilder WithRawVariable(string name, string value) => WithVariable(ScriptVariable.Raw(name, value));

    /// <summary>One transaction for the whole run.</summary>
    public ScriptEngineBuilder WithSingleTransaction() => this with { TransactionMode = TransactionMode.WholeRun };

    /// <summary>Sets the transaction mode.</summary>
    public ScriptEngineBuilder WithTransactionMode(TransactionMode mode) => this with { TransactionMode = mode };

    /// <summary>Cancels any statement running longer than <paramref name="timeout"/> (PostgreSQL).</summary>
    public ScriptEngineBuilder WithStatementTimeout(TimeSpan? timeout) => this with { StatementTimeout = timeout };

    /// <summary>Adds a <c>$name$</c> variable.</summary>
    public ScriptEngineBuilder WithVariable(ScriptVariable variable) => this with { Variables = Variables.Add(variable) };

    /// <summary>Scopes the run to a schema: search path, and the journal's schema unless one was set.</summary>
    public ScriptEngineBuilder InSchema(string schema) => this with { Schema = schema };

    /// <summary>Applies even when applied scripts changed (the journal keeps the old checksum).</summary>
    public ScriptEngineBuilder AllowChangedScripts(bool allow = true) => this with { AllowChanged = allow };

    /// <summary>Applies even when blocking lint rules fire.</summary>
    public ScriptEngineBuilder AllowDestructiveChanges(bool allow = true) => this with { AllowDestructive = allow };

    /// <summary>Sends progress to <paramref name="log"/>.</summary>
    public ScriptEngineBuilder WithLog(IScriptLog log) => this with { Log = log };

    /// <summary>Checks the configuration and creates the engine; throws a <see cref="DiagnosticException"/> listing every problem.</summary>
    public ScriptEngine Build()
    {
        var problems = new List<Diagnostic>();
        IDatabaseEngine? engine = Engine;
        if (engine is null && string.IsNullOrWhiteSpace(ConnectionString))
            problems.Add(Diagnostic.Error("db-builder", "no database: call ScriptEngineBuilder.For(connectionString) with a PostgreSQL or SQLite connection string."));
        else if (engine is null)
        {
            try { engine = DatabaseEngines.FromConnectionString(ConnectionString!); }
            catch (DiagnosticException e) { problems.AddRange(e.Diagnostics); }
        }
        if (Scripts is null)
            problems.Add(Diagnostic.Error("db-builder", "no scripts: call WithScripts(...), WithScriptsFromFolder(dir) or WithBaselineScripts()."));
        // A Flyway project's configuration names the history table to guard and adopt, and the schema its scripts run in.
        FlywaySettings? flyway = null;
        try { flyway = (Scripts as FlywayProject ?? (Scripts as FolderScriptProvider)?.Flyway)?.Settings; }
        catch (DiagnosticException e) { problems.AddRange(e.Diagnostics); }
        var schema = Schema ?? flyway?.DefaultSchema;
        if (StatementTimeout is { } t && t <= TimeSpan.Zero)
            problems.Add(Diagnostic.Error("db-builder", $"statement timeout must be positive, not {t}: call WithStatementTimeout(null) for none."));
        foreach (var (what, value) in new[] { ("journal table", Journal.Table), ("journal schema", Journal.Schema), ("schema", schema) })
            if (value is not null && !Identifier().IsMatch(value))
                problems.Add(Diagnostic.Error("db-builder", $"{what} '{value}' is not a plain identifier (lower-case letters, digits, underscores, at most 63)."));
        foreach (var duplicate in Variables.GroupBy(v => v.Name).Where(g => g.Count() > 1))
            problems.Add(Diagnostic.Error("db-builder", $"variable '{duplicate.Key}' is set more than once: call WithVariable once per name."));
        if (Schema is not null && engine is { SupportsSchemas: false })
            problems.Add(Diagnostic.Error("db-builder", $"InSchema('{Schema}') needs PostgreSQL; {engine.Name} has no schemas."));
        if (problems.Count > 0) throw new DiagnosticException(problems);
        if (engine!.SupportsSchemas is false) schema = null;
        var journal = Journal.Schema is null && schema is not null ? Journal with { Schema = schema } : Journal;
        return new ScriptEngine(new ScriptEngineConfiguration(engine, Scripts!, journal, TransactionMode, StatementTimeout, Variables, schema, AllowChanged, AllowDestructive, Log)
        {
            GuardForeignJournals = GuardForeignJournals,
            FlywayTable = flyway?.Table ?? FlywaySettings.DefaultTable,
            KnownJournal = KnownJournal,
            Pipelined = Pipelined && engine is Engines.Postgres.PostgresEngine,
        });
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex Identifier();
}

/// <summary>The validated configuration an engine runs with.</summary>
public sealed record ScriptEngineConfiguration(
    IDatabaseEngine Engine,
    IScriptProvider Scripts,
    JournalTable Journal,
    TransactionMode TransactionMode,
    TimeSpan? StatementTimeout,
    IReadOnlyList<ScriptVariable> Variables,
    string? Schema,
    bool AllowChanged,
    bool AllowDestructive,
    IScriptLog Log)
{
    /// <summary>Refuse when a DbUp or Flyway journal stands where ours is missing.</summary>
    public bool GuardForeignJournals { get; init; } = true;

    /// <summary>The name of Flyway's history table to look for (a Flyway project's <c>table</c> setting; default <c>flyway_schema_history</c>).</summary>
    public string FlywayTable { get; init; } = FlywaySettings.DefaultTable;

    /// <summary>The journal's rows, given instead of read.</summary>
    public IReadOnlyList<JournalEntry>? KnownJournal { get; init; }

    /// <summary>Each per-script transaction is sent as one pipelined batch with its journal row (PostgreSQL).</summary>
    internal bool Pipelined { get; init; }

    /// <summary>The journal table is known to exist (with <see cref="KnownJournal"/>): DbUp's journal does not create it.</summary>
    public bool JournalExists => KnownJournal is not null;
}
