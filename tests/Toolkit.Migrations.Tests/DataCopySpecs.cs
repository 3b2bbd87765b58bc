using Toolkit.Testing;

namespace Toolkit.Migrations.Tests;

public class DataCopySpecs(PostgresServer server) : IClassFixture<PostgresServer>
{
    [Fact(Timeout = 120_000)]
    public async Task I_can_copy_a_database_into_an_empty_one_and_see_counts_and_checksums_match()
    {
        var neon = await server.CreateDatabaseAsync("neon_app");
        var supabase = await server.CreateDatabaseAsync("supabase_app");
        await server.ScalarAsync("""
            CREATE TABLE tenants (id uuid PRIMARY KEY, name text NOT NULL, created timestamptz NOT NULL);
            CREATE SCHEMA billing;
            CREATE TABLE billing.invoices (id bigserial PRIMARY KEY, tenant uuid REFERENCES tenants(id), amount numeric(12,2), note text);
            INSERT INTO tenants SELECT md5(i::text)::uuid, 'tenant ' || i, '2026-01-01'::timestamptz + i * interval '1 hour' FROM generate_series(1, 50) i;
            INSERT INTO billing.invoices (tenant, amount, note) SELECT md5((i % 50 + 1)::text)::uuid, i * 1.25, CASE WHEN i % 7 = 0 THEN NULL ELSE 'n' || i END FROM generate_series(1, 500) i;
            """, "neon_app");

        var result = await ToolkitCli.RunAsync(null, new Dictionary<string, string?> { ["NEON_URL"] = neon, ["SUPA_URL"] = supabase },
            "migrate", "copy-data", "--source-env", "NEON_URL", "--target-env", "SUPA_URL");

        Assert.True(result.ExitCode == 0, result.StandardOutput + result.StandardError);
        Assert.Contains("ok       billing.invoices: 500 -> 500 rows", result.StandardOutput);
        Assert.Contains("ok       public.tenants: 50 -> 50 rows", result.StandardOutput);
        Assert.DoesNotContain(PostgresServer.SuperuserPassword, result.StandardOutput + result.StandardError);
        Assert.Equal(500L, await server.ScalarAsync("SELECT count(*) FROM billing.invoices", "supabase_app"));
        Assert.Equal(
            await server.ScalarAsync("SELECT md5(string_agg(t::text, ',' ORDER BY t::text)) FROM billing.invoices t", "neon_app"),
            await server.ScalarAsync("SELECT md5(string_agg(t::text, ',' ORDER BY t::text)) FROM billing.invoices t", "supabase_app"));

        // A second copy into the now non-empty target is refused and changes nothing.
        await server.ScalarAsync("INSERT INTO tenants VALUES (gen_random_uuid(), 'only in source', now())", "neon_app");
        var again = await ToolkitCli.RunAsync(null, new Dictionary<string, string?> { ["NEON_URL"] = neon, ["SUPA_URL"] = supabase },
            "migrate", "copy-data", "--source-env", "NEON_URL", "--target-env", "SUPA_URL");
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("MIG060", again.StandardError);
        Assert.Equal(50L, await server.ScalarAsync("SELECT count(*) FROM tenants", "supabase_app"));
    }
}
