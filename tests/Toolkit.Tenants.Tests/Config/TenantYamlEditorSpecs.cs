using Toolkit.Stacks.Configuration;

namespace Toolkit.Tenants.Tests.Config;

public sealed class TenantYamlEditorSpecs
{
    private const string Block = """
        # head comment
        version: 1
        tenants:   # the customers
          # acme pays yearly
          - id: acme
            name: "Acme, Inc."   # quoted on purpose
            slug: acme
            subdomain: acme
          - id: globex
            name: Globex
            slug: globex
            subdomain: globex
            quotas:
              maxUsers: 5

        # stacks follow
        stacks: {}

        """;

    private static readonly TenantConfig Initech = new() { Id = "initech", Name = "Initech", Slug = "initech", Subdomain = "initech", Plan = "growth" };

    [Fact]
    public void I_can_add_a_tenant_after_the_last_one_keeping_every_other_byte()
    {
        var edited = TenantYamlEditor.Add(Block, Initech);

        Assert.Equal(Block.Replace("      maxUsers: 5\n", "      maxUsers: 5\n  - id: initech\n    name: Initech\n    slug: initech\n    subdomain: initech\n    plan: growth\n"), edited);
    }

    [Fact]
    public void I_can_remove_set_and_unset_keeping_comments_and_the_other_tenants()
    {
        var removed = TenantYamlEditor.Remove(Block, "acme");
        var set = TenantYamlEditor.Set(Block, "acme", "status", "suspended");
        var added = TenantYamlEditor.Set(Block, "globex", "isolation", "db-per-tenant");

        Assert.Equal(Block.Replace("  - id: acme\n    name: \"Acme, Inc.\"   # quoted on purpose\n    slug: acme\n    subdomain: acme\n", ""), removed);
        Assert.Contains("  # acme pays yearly\n", removed);
        Assert.Equal(Block.Replace("    subdomain: acme\n", "    subdomain: acme\n    status: suspended\n"), set);
        Assert.Equal(Block.Replace("      maxUsers: 5\n", "      maxUsers: 5\n    isolation: db-per-tenant\n"), added);
        Assert.Equal(Block, TenantYamlEditor.Unset(added, "globex", "isolation"));
        Assert.Equal(set, TenantYamlEditor.Set(set, "acme", "status", "suspended"));
        Assert.Equal(Block.Replace("    subdomain: acme\n", "    subdomain: acme\n    status: active\n"), TenantYamlEditor.Set(set, "acme", "status", "active"));
    }

    [Fact]
    public void I_can_edit_an_empty_list_and_a_flow_style_list()
    {
        const string empty = "version: 1\ntenants: []   # none yet\nstacks: {}\n";
        const string flow = "tenants:\n  - { id: a, name: A, slug: a, subdomain: a }\n  - { id: b, name: B, slug: b, subdomain: b }\nstacks: {}\n";

        var first = TenantYamlEditor.Add(empty, Initech);
        Assert.Equal("version: 1\ntenants:   # none yet\n  - id: initech\n    name: Initech\n    slug: initech\n    subdomain: initech\n    plan: growth\nstacks: {}\n", first);
        Assert.Equal("version: 1\ntenants: []\nstacks: {}\n", TenantYamlEditor.Remove(first, "initech"));
        Assert.Equal(flow.Replace("stacks", "  - { id: initech, name: Initech, slug: initech, subdomain: initech, plan: growth }\nstacks"), TenantYamlEditor.Add(flow, Initech));
        Assert.Equal("tenants:\n  - { id: b, name: B, slug: b, subdomain: b }\nstacks: {}\n", TenantYamlEditor.Remove(flow, "a"));
        var suspended = TenantYamlEditor.Set(flow, "a", "status", "suspended");
        Assert.Contains("  - { id: a, name: A, slug: a, subdomain: a, status: suspended }\n", suspended);
        Assert.Equal(flow, TenantYamlEditor.Unset(suspended, "a", "status"));
    }

    [Fact]
    public void I_can_see_an_unknown_tenant_refused_by_name()
    {
        var error = Assert.Throws<Toolkit.Core.Diagnostics.DiagnosticException>(() => TenantYamlEditor.Remove(Block, "nope"));
        Assert.Contains("tenant 'nope' is not in the config's tenants", error.Message + string.Join("", error.Diagnostics.Select(d => d.Message)));
    }

    [Fact]
    public void I_can_read_a_per_tenant_isolation_override_and_write_it_back()
    {
        var config = ConfigLoader.Parse(Fixtures.TestPlatform.Yaml(IsolationLevel.Rls), "toolkit.yaml");
        var text = TenantYamlEditor.Add(Fixtures.TestPlatform.Yaml(IsolationLevel.Rls), Initech with { Isolation = IsolationLevel.DbPerTenant });
        var parsed = ConfigLoader.Parse(text, "toolkit.yaml");

        Assert.Empty(config.Tenants);
        Assert.Equal(IsolationLevel.DbPerTenant, parsed.Tenants.Single().Isolation);
        Assert.Contains("    isolation: db-per-tenant\n", ConfigWriter.Write(parsed));
        Assert.Equal(parsed.Tenants.Single(), ConfigLoader.Parse(ConfigWriter.Write(parsed), "toolkit.yaml").Tenants.Single());
    }
}
