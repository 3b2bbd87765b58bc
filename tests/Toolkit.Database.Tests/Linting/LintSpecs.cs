using Toolkit.Core.Diagnostics;
using Toolkit.Database;
using Toolkit.Database.Linting;
using Toolkit.Database.Scripts;
using Toolkit.Testing;

namespace Toolkit.Database.Tests.Linting;

public sealed class LintSpecs
{
    [Theory]
    [InlineData("SELECT 1;\nDROP TABLE invoices;", "drop-table", 2, true)]
    [InlineData("ALTER TABLE users\n  DROP COLUMN legacy;", "drop-column", 2, true)]
    [InlineData("ALTER TABLE users DROP legacy;", "drop-column", 1, true)]
    [InlineData("-- rename\nALTER TABLE users RENAME COLUMN email TO mail;", "rename-column", 2, true)]
    [InlineData("ALTER TABLE users ADD COLUMN region text NOT NULL;", "not-null-without-default", 1, true)]
    [InlineData("\n\nALTER TABLE invoices ALTER COLUMN total_amount TYPE numeric(14, 2);", "type-change", 3, true)]
    [InlineData("ALTER TABLE invoices ALTER total_amount SET DATA TYPE bigint;", "type-change", 1, true)]
    [InlineData("CREATE INDEX users_email ON users (email);", "index-without-concurrently", 1, false)]
    [InlineData("ALTER TABLE users\n\n  DROP CONSTRAINT users_email_key;", "drop-constraint", 3, true)]
    [InlineData("ALTER TABLE users RENAME TO accounts;", "rename-table", 1, true)]
    [InlineData("ALTER TABLE invoices\n  ADD COLUMN total numeric GENERATED ALWAYS AS (net + tax) STORED;", "generated-stored-column", 2, true)]
    [InlineData("DO $$\nBEGIN\n  EXECUTE format('ALTER TABLE %I ADD COLUMN x int', 'users');\nEND $$;", "dynamic-ddl", 3, false)]
    [InlineData("DO $do$ BEGIN EXECUTE 'DROP TABLE old_stuff'; END $do$;", "dynamic-ddl", 1, false)]
    public void I_can_have_each_destructive_or_locking_change_flagged_at_its_file_and_line_with_a_rule_id(string sql, string rule, int line, bool blocking)
    {
        var finding = Assert.Single(ScriptLinter.Lint(sql, "db/0007_change.sql"));

        Assert.Equal(rule, finding.Code);
        Assert.Equal("db/0007_change.sql", finding.Location!.File);
        Assert.Equal(line, finding.Location.Line);
        Assert.Equal(blocking ? Severity.Error : Severity.Warning, finding.Severity);
        Assert.StartsWith($"db/0007_change.sql:{line}:", finding.ToString());
    }

    [Fact]
    public void I_can_add_a_column_the_safe_way_nullable_then_backfill_then_not_null_without_findings()
    {
        const string safe = """
            ALTER TABLE users ADD COLUMN region text;
            UPDATE users SET region = 'eu' WHERE region IS NULL;
            ALTER TABLE users ALTER COLUMN region SET NOT NULL;
            ALTER TABLE users ADD COLUMN plan text NOT NULL DEFAULT 'free';
            CREATE INDEX CONCURRENTLY users_region ON users (region);
            CREATE TABLE fresh (id int NOT NULL, name text NOT NULL);
            CREATE INDEX fresh_name ON fresh (name);
            ALTER TABLE fresh ADD COLUMN code text NOT NULL;
            -- DROP TABLE users; in a comment is not a change
            INSERT INTO audit (note) VALUES ('DROP TABLE users');
            """;
        Assert.Empty(ScriptLinter.Lint(safe, "db/0008_safe.sql"));
    }

    [Fact]
    public void I_can_lint_the_shipped_baseline_without_findings()
    {
        Assert.Empty(ScriptLinter.Lint(Toolkit.Database.Baseline.BaselineScripts.For("postgresql").GetScripts()));
        Assert.Empty(ScriptLinter.Lint(Toolkit.Database.Baseline.BaselineScripts.For("sqlite").GetScripts()));
    }

    [Fact]
    public void I_can_have_lint_follow_a_renamed_table_so_a_table_new_in_the_run_stays_new_and_an_existing_one_stays_existing()
    {
        // The pattern of a real 77-script DbUp folder: a table made by the run, moved to a schema, renamed, then dropped.
        var run = ScriptLinter.Lint([
            new DatabaseScript("0001_create.sql", "CREATE TABLE adapter_config (id int);\nCREATE TABLE attribute (id int);", sourcePath: "db/0001_create.sql"),
            new DatabaseScript("0002_move.sql", "ALTER TABLE adapter_config SET SCHEMA config;\nALTER TABLE config.adapter_config RENAME TO adapter_context;", sourcePath: "db/0002_move.sql"),
            new DatabaseScript("0003_partition.sql", "ALTER TABLE public.attribute RENAME TO attribute_old;\nCREATE TABLE attribute (id int) PARTITION BY RANGE (id);\nDROP TABLE attribute_old;", sourcePath: "db/0003_partition.sql"),
            new DatabaseScript("0004_reshape.sql", "ALTER TABLE config.adapter_context ADD COLUMN code text NOT NULL;\nCREATE INDEX attribute_id ON attribute (id);\nDROP TABLE config.adapter_context;", sourcePath: "db/0004_reshape.sql"),
        ]);
        // An existing table renamed in an earlier script is still existing under its new name: a rewrite of it is flagged
        // (once, naming the new name), and the rename itself once, with one severity each.
        var existing = ScriptLinter.Lint([
            new DatabaseScript("0001_rename.sql", "ALTER TABLE invoices RENAME TO bills;", sourcePath: "db/0001_rename.sql"),
            new DatabaseScript("0002_total.sql", "ALTER TABLE bills ADD COLUMN total numeric GENERATED ALWAYS AS (net + tax) STORED;\nCREATE INDEX bills_total ON bills (total);", sourcePath: "db/0002_total.sql"),
            new DatabaseScript("0003_move.sql", "ALTER TABLE bills SET SCHEMA archive;\nALTER TABLE archive.bills DROP COLUMN net;", sourcePath: "db/0003_move.sql"),
        ]);
        // On its own (db lint), a script that renames an existing table and recreates it: the old data's drop is flagged.
        var alone = ScriptLinter.Lint("ALTER TABLE attribute RENAME TO attribute_old;\nCREATE TABLE attribute (id int);\nDROP TABLE attribute_old;", "db/0003.sql");

        Assert.Empty(run);
        Assert.Equal(["db/0001_rename.sql:1:22: error rename-table (invoices to bills)", "db/0002_total.sql:1:19: error generated-stored-column (bills.total)",
                "db/0002_total.sql:2:1: warning index-without-concurrently (bills)", "db/0003_move.sql:1:19: error rename-table (bills to archive.bills)",
                "db/0003_move.sql:2:27: error drop-column (bills.net)"],
            existing.Select(d => $"{d.Location}: {(d.Severity == Severity.Error ? "error" : "warning")} {d.Code} ({Subject(d)})"));
        Assert.Equal(["rename-table", "drop-table"], alone.Select(d => d.Code));
        Assert.Equal([1, 3], alone.Select(d => d.Location!.Line));
    }

    [Fact(Timeout = 60_000)]
    public async Task I_can_have_migrate_stopped_by_a_blocking_rule_with_nothing_applied_unless_destructive_changes_are_allowed()
    {
        using var dir = new TempDirectory("toolkit-lint");
        var db = $"Data Source={dir.Combine("lint.db")}";
        var scripts = new[]
        {
            new DatabaseScript("0001_users.sql", "CREATE TABLE users (id int, legacy text);"),
            new DatabaseScript("0002_drop.sql", "CREATE TABLE other (id int);\nALTER TABLE users DROP COLUMN legacy;", sourcePath: "db/0002_drop.sql"),
        };
        await ScriptEngineBuilder.For(db).WithScripts(scripts[..1]).Build().MigrateAsync();

        var refused = await ScriptEngineBuilder.For(db).WithScripts(scripts).Build().MigrateAsync();
        Assert.Equal(ScriptFailure.LintBlocked, refused.Failure);
        var finding = Assert.Single(refused.Diagnostics);
        Assert.Equal("db/0002_drop.sql:2:19: error drop-column: drops a column (users.legacy): stop reading and writing it first, then drop it in a later release (--allow-destructive)", finding.ToString());
        Assert.False(await Engine.Db.TableExistsAsync(db, "other"));

        var allowed = await ScriptEngineBuilder.For(db).WithScripts(scripts).AllowDestructiveChanges().Build().MigrateAsync();
        Assert.True(allowed.Successful, allowed.Error);
    }

    // What a finding is about: the text in parentheses after its rule's message.
    private static string Subject(Diagnostic finding)
    {
        var rule = LintRules.All.Single(r => r.Id == finding.Code);
        return finding.Message[(rule.Message.Length + 2)..finding.Message.IndexOf("): ", rule.Message.Length, StringComparison.Ordinal)];
    }
}
