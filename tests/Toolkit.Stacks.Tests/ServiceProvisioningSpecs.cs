using Toolkit.Core.Diagnostics;
using Toolkit.Stacks.Catalogue;
using Toolkit.Stacks.Configuration;
using Toolkit.Stacks.Deployability;
using Toolkit.Stacks.Model;
using Toolkit.Stacks.Platforms;
using Toolkit.Stacks.Platforms.Patterns;
using Toolkit.Stacks.Schemas;
using Toolkit.Stacks.Synthesis;

namespace Toolkit.Stacks.Tests;

/// <summary>
/// Cache, email, auth, AI and the credentials the user brings have a meaning in the program: the resources exist,
/// encrypted, wired into the services, and every program passes the full schemas and the deployability rules.
/// </summary>
public sealed class ServiceProvisioningSpecs
{
    private static readonly (string, string)[] AwsServices =
        [("cache", "redis"), ("email", "aws-ses"), ("auth", "aws-cognito"), ("ai", "aws-bedrock"), ("errorTracking", "sentry")];

    private static SynthResult Synth(string id, (string Category, string Option)[] choices, Func<ToolkitConfig, ToolkitConfig>? change = null, int tenants = 3)
    {
        var config = Combination.All.Single(c => c.Id == id).SampleConfig(tenants);
        var chosen = new Dictionary<string, string>(config.Technologies.ByCategory, StringComparer.Ordinal);
        foreach (var (category, option) in choices) chosen[category] = option;
        config = config with { Technologies = new TechnologyChoices(chosen) };
        if (change is not null) config = change(config);
        var result = new StackSynthesizer(SchemaSet.Embedded, []).Synthesize(config, "prod");
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Where(d => d.Severity == Severity.Error)));
        return result;
    }

    private static PulumiProgram Program(string id, params (string Category, string Option)[] choices) => Synth(id, choices).Program!;

    private static Resource Named(PulumiProgram program, string name) => program.Resources.Single(r => r.Name == name);

    private static Value? At(Resource resource, string path) => ProgramFacts.At(resource.Properties, path);

    // Lists and objects are records over lists, which compare by reference: compare what they would write instead.
    private static string Shape(Value? value) => value switch
    {
        null => "null",
        ListValue l => "[" + string.Join(", ", l.Items.Select(Shape)) + "]",
        MapValue m => "{" + string.Join(", ", m.Entries.Select(e => e.Key + ": " + Shape(e.Value))) + "}",
        FunctionValue f => "fn::" + f.Function + " " + Shape(f.Argument),
        JsonValue j => "toJSON " + Shape(j.Inner),
        SecretValue s => "secret " + Shape(s.Inner),
        _ => value.ToString(),
    };

    private static void Same(Value expected, Value? actual) => Assert.Equal(Shape(expected), Shape(actual));

    private static IEnumerable<(string Name, Value? Value)> ContainerEnv(Resource task) =>
        ProgramFacts.Items(ProgramFacts.At(task.Properties, "containerDefinitions[0].environment"))
            .Select(e => (ProgramFacts.Text(ProgramFacts.At(e, "name"))!, ProgramFacts.At(e, "value")));

    private static Value? PodEnv(Resource deployment, string name) =>
        ProgramFacts.Items(ProgramFacts.At(deployment.Properties, "spec.template.spec.containers[0].env"))
            .SingleOrDefault(e => ProgramFacts.Text(ProgramFacts.At(e, "name")) == name);

    public static TheoryData<string> Combinations => new(Combination.All.Select(c => c.Id));

    [Theory(Timeout = 60_000)]
    [MemberData(nameof(Combinations))]
    public async Task I_can_synthesize_every_combination_with_every_aws_service_against_the_full_schemas(string id)
    {
        var result = await Task.Run(() => Synth(id, AwsServices));

        Assert.Equal(["Pulumi.yaml", "Main.yaml", "Pulumi.prod.yaml"], result.Files.Select(f => f.Path));
        Assert.NotEmpty(result.Program!.OfType("aws:elasticache/serverlessCache:ServerlessCache"));
        Assert.NotEmpty(result.Program.OfType("aws:sesv2/emailIdentity:EmailIdentity"));
        Assert.NotEmpty(result.Program.OfType("aws:cognito/userPool:UserPool"));
    }

    [Theory]
    [InlineData("multi-region.rls.aws-ecs.aws")]
    [InlineData("multi-region.rls.kubernetes.cloudflare")]
    public void I_can_see_a_redis_cache_per_region_encrypted_private_and_reached_only_by_the_app(string id)
    {
        var program = Program(id, ("cache", "redis"));

        var caches = program.OfType("aws:elasticache/serverlessCache:ServerlessCache").ToList();
        Assert.Equal(["cache-us-east-1", "cache-eu-west-1"], caches.Select(c => c.Name));
        var cache = caches[1];
        Assert.Equal(Expr.Ref("kms-eu-west-1.arn"), cache["kmsKeyId"]);
        Assert.Equal(new StringValue("redis"), cache["engine"]);
        Assert.Equal(Expr.Ref("cache-sg-eu-west-1.id"), Assert.Single(ProgramFacts.Items(cache["securityGroupIds"])));
        Assert.Equal(Expr.Ref("cache-users-eu-west-1.userGroupId"), cache["userGroupId"]);
        var subnets = id.Contains("kubernetes") ? (Value)Expr.Ref("clusterSubnetIdsEuWest1") : Expr.Ref("private-eu-west-1-0.id");
        Assert.Equal(subnets, id.Contains("kubernetes") ? cache["subnetIds"] : ProgramFacts.Items(cache["subnetIds"])[0]);
        var group = Named(program, "cache-sg-eu-west-1");
        Assert.Null(At(group, "ingress[0].cidrBlocks"));
        var appGroup = id.Contains("kubernetes") ? Expr.Ref("clusterNodeSecurityGroupIdEuWest1") : Expr.Ref("app-sg-eu-west-1.id");
        Assert.Equal(appGroup, Assert.Single(ProgramFacts.Items(At(group, "ingress[0].securityGroups"))));
        Assert.Equal(new StringValue("iam"), At(Named(program, "cache-user-eu-west-1"), "authenticationMode.type"));
        Assert.Equal(new StringValue("off -@all"), Named(program, "cache-default-user-eu-west-1")["accessString"]);
        // IAM authentication: no password is generated for the cache, so none is stored or has to rotate.
        Assert.DoesNotContain(program.OfType("random:index/randomPassword:RandomPassword"), p => p.Name.Contains("cache", StringComparison.Ordinal));
        var role = id.Contains("kubernetes") ? "pod-role" : "task-role";
        var statement = ProgramFacts.Items(At(Named(program, $"{role}-services"), "policy.Statement")).Single(s => ProgramFacts.Text(ProgramFacts.At(s, "Sid")) == "Cache");
        Assert.Equal(new StringValue("elasticache:Connect"), ProgramFacts.At(statement, "Action"));
        Assert.Contains(Expr.Ref("cache-eu-west-1.arn"), ProgramFacts.Items(ProgramFacts.At(statement, "Resource")));
        Assert.Contains(Expr.Ref("cache-user-eu-west-1.arn"), ProgramFacts.Items(ProgramFacts.At(statement, "Resource")));
    }

    [Fact]
    public void I_can_see_the_cache_endpoint_of_its_own_region_in_the_ecs_tasks()
    {
        var program = Program("multi-region.rls.aws-ecs.aws", ("cache", "redis"));

        var env = ContainerEnv(Named(program, "task-app-eu-west-1")).ToDictionary(e => e.Name, e => e.Value);
        Assert.Equal(Expr.Ref("cache-eu-west-1.endpoints[0].address"), env["CACHE_HOST"]);
        Assert.Equal(new StringValue("6379"), env["CACHE_PORT"]);
        Assert.Equal(new StringValue("iam"), env["CACHE_AUTH"]);
        Assert.Equal(new StringValue("redis"), env["CACHE_PROVIDER"]);
    }

    [Fact]
    public void I_can_see_kubernetes_pods_allowed_to_reach_the_cache_in_the_vpc()
    {
        var program = Program("single-region.db-per-tenant.kubernetes.aws", ("cache", "redis"));

        var policy = Named(program, "allow-t00001-us-east-1");
        var egress = ProgramFacts.Items(At(policy, "spec.egress"));
        var cacheRule = egress.Single(e => ProgramFacts.Items(ProgramFacts.At(e, "ports")).Any(p => ProgramFacts.At(p, "port") is IntegerValue { Number: 6379 }));
        Assert.Equal(Expr.Ref("vpc-cidr-us-east-1"), ProgramFacts.At(cacheRule, "to[0].ipBlock.cidr"));
        Assert.Equal(Expr.Ref("cache-us-east-1.endpoints[0].address"), ProgramFacts.At(PodEnv(Named(program, "tenant-t00001-app-us-east-1"), "CACHE_HOST"), "value"));
    }

    [Theory]
    [InlineData("upstash", "UPSTASH_REDIS_REST_TOKEN")]
    [InlineData("cloudflare-kv", "CLOUDFLARE_KV_API_TOKEN")]
    public void I_can_choose_a_cache_the_stacks_cannot_provision_and_be_told_what_to_bring(string option, string slot)
    {
        var result = Synth("single-region.rls.aws-ecs.cloudflare", [("cache", option)]);
        var program = result.Program!;

        Assert.Empty(program.OfType("aws:elasticache/serverlessCache:ServerlessCache"));
        var info = Assert.Single(result.Diagnostics, d => d.Code == AppServices.BringCode);
        Assert.Equal(Severity.Info, info.Severity);
        Assert.Contains($"acme/prod/slots/{slot}", info.Message);
        var env = ProgramFacts.Items(ProgramFacts.At(Named(program, "task-app-us-east-1").Properties, "containerDefinitions[0].secrets"));
        Assert.Contains(env, e => ProgramFacts.Text(ProgramFacts.At(e, "name")) == slot);
    }

    [Theory]
    [InlineData("multi-region.schema-per-tenant.aws-ecs.aws", "aws:route53/record:Record")]
    [InlineData("multi-region.schema-per-tenant.aws-ecs.cloudflare", "cloudflare:index/dnsRecord:DnsRecord")]
    public void I_can_see_an_ses_identity_per_region_with_dkim_and_mail_from_records_on_the_edge(string id, string recordType)
    {
        var program = Program(id, ("email", "aws-ses"));

        var identities = program.OfType("aws:sesv2/emailIdentity:EmailIdentity").ToList();
        Assert.Equal(["ses-us-east-1", "ses-eu-west-1"], identities.Select(i => i.Name));
        Assert.Equal(new StringValue("acme.example.com"), identities[0]["emailIdentity"]);
        Assert.Equal(new StringValue("RSA_2048_BIT"), At(identities[0], "dkimSigningAttributes.nextSigningKeyLength"));
        var dkim = Named(program, "ses-eu-west-1-dkim-2");
        Assert.Equal(recordType, dkim.Type);
        Assert.Equal(new StringValue("CNAME"), dkim["type"]);
        Same(Expr.Join("", Expr.Ref("ses-eu-west-1.dkimSigningAttributes.tokens[2]"), "._domainkey.acme.example.com"), dkim["name"]);
        var target = Expr.Join("", Expr.Ref("ses-eu-west-1.dkimSigningAttributes.tokens[2]"), ".dkim.amazonses.com");
        Same(target, recordType.StartsWith("cloudflare", StringComparison.Ordinal) ? dkim["content"] : ProgramFacts.Items(dkim["records"])[0]);
        Assert.Equal(new StringValue("mail-eu-west-1.acme.example.com"), At(Named(program, "ses-eu-west-1-mail-from"), "mailFromDomain"));
        var mx = Named(program, "ses-eu-west-1-mail-from-mx");
        Assert.Equal(recordType, mx.Type);
        if (recordType.StartsWith("cloudflare", StringComparison.Ordinal))
        {
            Assert.Equal(new IntegerValue(10), mx["priority"]);
            Assert.Equal(new BoolValue(false), mx["proxied"]);
        }
        else Assert.Equal(new StringValue("10 feedback-smtp.eu-west-1.amazonses.com"), ProgramFacts.Items(mx["records"])[0]);
        Assert.Equal(new StringValue("TXT"), Named(program, "ses-eu-west-1-mail-from-spf")["type"]);
        var statement = ProgramFacts.Items(At(Named(program, "task-role-services"), "policy.Statement")).Single(s => ProgramFacts.Text(ProgramFacts.At(s, "Sid")) == "Email");
        Assert.Equal([Expr.Ref("ses-us-east-1.arn"), Expr.Ref("ses-eu-west-1.arn")], ProgramFacts.Items(ProgramFacts.At(statement, "Resource")));
        var env = ContainerEnv(Named(program, "task-app-eu-west-1")).ToDictionary(e => e.Name, e => e.Value);
        Assert.Equal(new StringValue("eu-west-1"), env["EMAIL_SES_REGION"]);
    }

    [Theory]
    [InlineData("sendgrid", "SENDGRID_API_KEY")]
    [InlineData("postmark", "POSTMARK_SERVER_TOKEN")]
    [InlineData("resend", "RESEND_API_KEY")]
    public void I_can_choose_an_email_api_and_get_a_slot_for_its_key(string option, string slot)
    {
        var result = Synth("single-region.rls.aws-ecs.aws", [("email", option)]);

        Assert.Empty(result.Program!.OfType("aws:sesv2/emailIdentity:EmailIdentity"));
        Assert.Contains(result.Diagnostics, d => d.Code == AppServices.BringCode && d.Message.Contains(slot, StringComparison.Ordinal));
        Assert.Equal(new StringValue($"acme/prod/slots/{slot}"), Named(result.Program, $"slot-{slot.ToLowerInvariant().Replace('_', '-')}")["name"]);
    }

    [Fact]
    public void I_can_see_one_cognito_pool_and_client_for_shared_isolation()
    {
        var program = Program("multi-region.rls.aws-ecs.aws", ("auth", "aws-cognito"));

        var pool = Assert.Single(program.OfType("aws:cognito/userPool:UserPool"));
        Assert.Equal("us-east-1", pool.Region);
        Assert.Equal(new IntegerValue(12), At(pool, "passwordPolicy.minimumLength"));
        Assert.Equal(new StringValue("OPTIONAL"), pool["mfaConfiguration"]);
        var client = Assert.Single(program.OfType("aws:cognito/userPoolClient:UserPoolClient"));
        Assert.Equal(Expr.Ref("user-pool.id"), client["userPoolId"]);
        Assert.Equal(new BoolValue(false), client["generateSecret"]);
        Assert.Equal(new StringValue("ENABLED"), client["preventUserExistenceErrors"]);
        var env = ContainerEnv(Named(program, "task-app-eu-west-1")).ToDictionary(e => e.Name, e => e.Value);
        Assert.Equal(Expr.Ref("user-pool.id"), env["AUTH_USER_POOL_ID"]);
        Assert.Equal(Expr.Ref("user-pool-client.id"), env["AUTH_CLIENT_ID"]);
        Assert.Equal(Expr.Ref("user-pool.id"), ProgramFacts.At(program.Output(AppServices.AuthOutput)!.Value, "userPoolId"));
    }

    [Fact]
    public void I_can_see_a_cognito_pool_per_tenant_with_db_per_tenant_given_to_its_own_pods()
    {
        var program = Program("single-region.db-per-tenant.kubernetes.aws", ("auth", "aws-cognito"));

        Assert.Equal(["user-pool-t00001", "user-pool-t00002", "user-pool-t00003"], program.OfType("aws:cognito/userPool:UserPool").Select(p => p.Name));
        Assert.Equal(new StringValue("acme-prod-t00002"), Named(program, "user-pool-t00002")["name"]);
        Assert.Equal(Expr.Ref("user-pool-t00002.id"), Named(program, "user-pool-t00002-client")["userPoolId"]);
        Assert.Equal(Expr.Ref("user-pool-t00002.id"), ProgramFacts.At(PodEnv(Named(program, "tenant-t00002-app-us-east-1"), "AUTH_USER_POOL_ID"), "value"));
        Assert.Equal(Expr.Ref("user-pool-t00003-client.id"), ProgramFacts.At(program.Output(AppServices.AuthOutput)!.Value, "tenant-00003.clientId"));
    }

    [Fact]
    public void I_can_synthesize_10000_tenant_pools_and_be_told_about_the_cognito_quota()
    {
        var result = Synth("single-region.db-per-tenant.aws-ecs.aws", [("auth", "aws-cognito")], tenants: 1200);

        Assert.Equal(1200, result.Program!.OfType("aws:cognito/userPool:UserPool").Count());
        Assert.Contains(result.Diagnostics, d => d.Code == AppServices.PoolQuotaCode && d.Severity == Severity.Info);
    }

    [Theory]
    [InlineData("multi-region.rls.aws-ecs.aws", "task-role")]
    [InlineData("multi-region.db-per-tenant.kubernetes.aws", "pod-role")]
    [InlineData("multi-region.db-per-tenant.kubernetes.aws", "pod-role-tenant-t00002")]
    public void I_can_see_bedrock_invocation_allowed_on_the_chosen_models_only(string id, string role)
    {
        var program = Synth(id, [("ai", "aws-bedrock")]).Program!;

        var statement = ProgramFacts.Items(At(Named(program, $"{role}-services"), "policy.Statement")).Single(s => ProgramFacts.Text(ProgramFacts.At(s, "Sid")) == "Models");
        Same(Expr.Strings(["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"]), ProgramFacts.At(statement, "Action"));
        Assert.Equal(Expr.Ref("bedrockModelArns"), ProgramFacts.At(statement, "Resource"));
        Assert.Equal(Expr.Ref(role + ".id"), Named(program, $"{role}-services")["role"]);
        var models = program.Config.Single(c => c.Key == "bedrockModelArns");
        Assert.Equal(ConfigType.StringList, models.Type);
        Same(Expr.Strings(["arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0",
            "arn:aws:bedrock:eu-west-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0"]), models.Default);
    }

    [Theory]
    [InlineData("openai", "OPENAI_API_KEY")]
    [InlineData("anthropic", "ANTHROPIC_API_KEY")]
    public void I_can_see_an_ai_key_slot_injected_into_the_ecs_tasks_and_readable_by_the_execution_role(string option, string slot)
    {
        var program = Program("multi-region.rls.aws-ecs.aws", ("ai", option));

        var secret = Named(program, $"slot-{slot.ToLowerInvariant().Replace('_', '-')}");
        Assert.Equal(Expr.Ref("kms-us-east-1.arn"), secret["kmsKeyId"]);
        Assert.Equal(new StringValue("eu-west-1"), ProgramFacts.At(secret["replicas"], "[0].region"));
        Assert.DoesNotContain(program.OfType("aws:secretsmanager/secretVersion:SecretVersion"), v => ProgramFacts.References(v["secretId"]).Contains(secret.Name));
        var secrets = ProgramFacts.Items(ProgramFacts.At(Named(program, "task-app-us-east-1").Properties, "containerDefinitions[0].secrets"));
        var entry = secrets.Single(s => ProgramFacts.Text(ProgramFacts.At(s, "name")) == slot);
        Assert.Equal(Expr.Ref($"{secret.Name}.arn"), ProgramFacts.At(entry, "valueFrom"));
        var policy = Named(program, "task-execution-secret-slots");
        Assert.Equal(Expr.Ref("task-execution-role.id"), policy["role"]);
        Assert.Contains(Expr.Ref($"{secret.Name}.arn"), ProgramFacts.Items(At(policy, "policy.Statement[0].Resource")));
        var env = ContainerEnv(Named(program, "task-app-us-east-1")).ToDictionary(e => e.Name, e => e.Value);
        Assert.Equal(new StringValue(option), env["AI_PROVIDER"]);
    }

    [Fact]
    public void I_can_see_secret_slots_as_kubernetes_secret_refs_with_a_secret_the_user_fills()
    {
        var program = Program("single-region.db-per-tenant.kubernetes.aws", ("errorTracking", "sentry"), ("ai", "anthropic"));

        var secret = Named(program, "slots-t00001-us-east-1");
        Assert.Equal("kubernetes:core/v1:Secret", secret.Type);
        Assert.Equal(new StringValue(SecretSlots.KubernetesSecret), At(secret, "metadata.name"));
        Assert.Equal(Expr.Ref("ns-t00001-us-east-1.metadata.name"), At(secret, "metadata.namespace"));
        Assert.Null(secret["data"]);
        Assert.Null(secret["stringData"]);
        Assert.Equal(["data", "stringData"], secret.Options.IgnoreChanges);
        Assert.Contains(program.Resources, r => r.Name == "slots-us-east-1");
        var deployment = Named(program, "tenant-t00001-app-us-east-1");
        Assert.Equal(new StringValue(SecretSlots.KubernetesSecret), ProgramFacts.At(PodEnv(deployment, "SENTRY_DSN"), "valueFrom.secretKeyRef.name"));
        Assert.Equal(new StringValue("ANTHROPIC_API_KEY"), ProgramFacts.At(PodEnv(deployment, "ANTHROPIC_API_KEY"), "valueFrom.secretKeyRef.key"));
        Assert.DoesNotContain(program.OfType("aws:secretsmanager/secret:Secret"), s => s.Name.StartsWith("slot-", StringComparison.Ordinal));
    }

    public static TheoryData<string, string> BroughtOptions
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var category in TechnologyCatalogue.Default.Categories.Where(c => AppServices.Categories.Contains(c.Id)))
                foreach (var option in category.Options.Where(o => o.Provisions.Length == 0)) data.Add(category.Id, option.Id);
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(BroughtOptions))]
    public void I_can_choose_any_technology_the_stacks_cannot_provision_and_never_have_it_accepted_silently(string category, string option)
    {
        foreach (var id in new[] { "single-region.rls.aws-ecs.aws", "single-region.rls.kubernetes.aws" })
        {
            var result = Synth(id, [(category, option)]);

            var info = Assert.Single(result.Diagnostics, d => d.Code == AppServices.BringCode);
            Assert.Contains($"technologies.{category}: the stacks provision nothing for '{option}'", info.Message);
            var slots = TechnologyCatalogue.Default.Category(category)!.Find(option)!.SecretSlots;
            Assert.NotEmpty(slots);
            Assert.All(slots, s => Assert.Contains(s, info.Message));
        }
    }

    [Fact]
    public void I_can_read_in_the_catalogue_what_each_service_option_provisions_or_asks_me_to_bring()
    {
        foreach (var category in TechnologyCatalogue.Default.Categories.Where(c => AppServices.Categories.Contains(c.Id)))
            foreach (var option in category.Options)
            {
                Assert.True(option.Provisions.Length > 0 || option.Bring.Length > 0, $"{category.Id}: {option.Id} says neither what it provisions nor what to bring");
                if (option.Provisions.Length == 0) Assert.NotEmpty(option.SecretSlots);
            }
    }

    public static TheoryData<string> Examples => new("toolkit.yaml", "hipaa-db-per-tenant.yaml", "kubernetes-multi-region.yaml");

    [Theory(Timeout = 60_000)]
    [MemberData(nameof(Examples))]
    public async Task I_can_synthesize_the_shipped_examples_with_their_services(string file)
    {
        var config = ConfigLoader.Load(Toolkit.Testing.RepositoryRoot.Combine("examples", file));
        var result = await Task.Run(() => new StackSynthesizer(SchemaSet.Embedded, []).Synthesize(config, config.Stacks[^1].Name));

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Where(d => d.Severity == Severity.Error)));
        var tech = config.Technologies;
        Assert.Equal(tech["cache"] == "redis", result.Program!.OfType("aws:elasticache/serverlessCache:ServerlessCache").Any());
        Assert.Equal(tech["email"] == "aws-ses", result.Program.OfType("aws:sesv2/emailIdentity:EmailIdentity").Any());
        Assert.Equal(tech["auth"] == "aws-cognito", result.Program.OfType("aws:cognito/userPool:UserPool").Any());
    }

    [Fact(Timeout = 120_000)]
    public async Task I_can_read_what_to_bring_when_the_synth_command_writes_the_program()
    {
        using var temp = new Toolkit.Testing.TempDirectory();
        var config = temp.Combine("toolkit.yaml");
        File.Copy(Toolkit.Testing.RepositoryRoot.Combine("examples", "toolkit.yaml"), config);

        var text = await Toolkit.Testing.ToolkitCli.RunAsync(temp.Path, "synth", "--config", config, "--stack", "prod", "--out", "out");
        var json = await Toolkit.Testing.ToolkitCli.RunAsync(temp.Path, "synth", "--config", config, "--stack", "prod", "--out", "out", "--json");

        Assert.True(text.ExitCode == 0, text.StandardError);
        // examples/toolkit.yaml brings Sentry, Clerk and an Anthropic key: each named with its slot before the summary.
        Assert.Contains($"info {AppServices.BringCode}: technologies.errorTracking: the stacks provision nothing for 'sentry'", text.StandardOutput);
        Assert.Contains("'acme-notes/prod/slots/SENTRY_DSN'", text.StandardOutput);
        Assert.Contains("CLERK_SECRET_KEY", text.StandardOutput);
        Assert.Contains("Synthesized stack 'prod'", text.StandardOutput);
        using var doc = System.Text.Json.JsonDocument.Parse(json.StandardOutput);
        Assert.Contains(doc.RootElement.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("code").GetString() == AppServices.BringCode);
    }
}
