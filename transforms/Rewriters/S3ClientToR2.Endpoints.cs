using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Toolkit.Transforms.Recipes.Primitives;
using Toolkit.Transforms.Sources;

namespace Toolkit.Transforms.Rewriters;

public sealed partial class S3ClientToR2
{
    private const string ConfigurationType = "Microsoft.Extensions.Configuration.IConfiguration";
    private const string SectionType = "Microsoft.Extensions.Configuration.IConfigurationSection";

    private static bool IsSection(ITypeSymbol? type) => type is not null && SymbolNames.IsOrDerivesFrom(type, SectionType);

    private static ITypeSymbol? TypeOf(ISymbol? symbol) =>
        symbol switch { ILocalSymbol l => l.Type, IParameterSymbol p => p.Type, IFieldSymbol f => f.Type, IPropertySymbol q => q.Type, _ => null };

    private static readonly string EnvironmentEndpoint =
        $"System.Environment.GetEnvironmentVariable(\"{EndpointVariable}\") ?? throw new System.InvalidOperationException(\"Set {EndpointVariable} to the Cloudflare R2 endpoint, https://ACCOUNT_ID.r2.cloudflarestorage.com.\")";

    // AmazonS3Config properties that contradict an R2 endpoint: a region endpoint replaces ServiceURL, and R2
    // has no accelerate or dual-stack endpoints.
    private static readonly IReadOnlySet<string> AwsOnlyConfig = new HashSet<string>(StringComparer.Ordinal)
        { "RegionEndpoint", "UseAccelerateEndpoint", "UseDualstackEndpoint", "UseArnRegion", "USEast1RegionalEndpointValue" };

    /// <summary>
    /// Where the R2 endpoint comes from at <paramref name="at"/>: the configuration in scope
    /// (<c>SECTION:AccountId</c>, with credentials from <c>SECTION:AccessKeyId</c>/<c>SecretAccessKey</c> when the
    /// code passed none), else the environment variable the AWS SDK reads, with a manual step saying so.
    /// </summary>
    private (string ServiceUrl, string? Credentials) EndpointFor(SourceSet sources, string path, SyntaxNode at, SemanticModel model, RunState run, bool needsCredentials)
    {
        if (ConfigurationIn(model, at) is { } configuration)
        {
            run.AccountIdReader ??= (path, ScopeSearch.LineOf(at));
            return ($"$\"https://{{{configuration}[\"{_section}:AccountId\"]}}.r2.cloudflarestorage.com\"",
                needsCredentials ? $"new Amazon.Runtime.BasicAWSCredentials({configuration}[\"{_section}:AccessKeyId\"], {configuration}[\"{_section}:SecretAccessKey\"])" : null);
        }
        sources.AddManualStep(path, ScopeSearch.LineOf(at),
            $"no IConfiguration is in scope here, so the R2 endpoint is read from the environment variable {EndpointVariable} (the AWS SDK's and CLI's name for the S3 endpoint): " +
            "set it to https://ACCOUNT_ID.r2.cloudflarestorage.com where the app runs; the client refuses to start without it." +
            (needsCredentials ? " Credentials still come from the AWS default chain: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY to an R2 API token's keys." : ""));
        return (EnvironmentEndpoint, null);
    }

    /// <summary>
    /// An expression for an <c>IConfiguration</c> usable at <paramref name="at"/>: a parameter, field or property
    /// (<see cref="ScopeSearch"/>), else a local declared before it, or a host builder's <c>Configuration</c>
    /// (<c>builder.Configuration</c> in a top-level Program.cs).
    /// </summary>
    private static string? ConfigurationIn(SemanticModel model, SyntaxNode at)
    {
        // A section (GetSection("AWS") in a local) is an IConfiguration too, but its keys are relative to it:
        // section["Storage:AccountId"] would read AWS:Storage:AccountId. Only a configuration's root will do.
        if (ScopeSearch.Find(model, at, ConfigurationType) is { } found && !IsSection(TypeOf(model.LookupSymbols(at.SpanStart, name: found).FirstOrDefault())))
            return found;
        var candidates = model.LookupSymbols(at.SpanStart)
            .Where(s => s is ILocalSymbol or IParameterSymbol)
            .Where(s => s.Locations.FirstOrDefault() is { IsInSource: true } location && location.SourceTree == at.SyntaxTree && location.SourceSpan.End <= at.SpanStart)
            .OrderByDescending(s => s.Locations[0].SourceSpan.Start);
        foreach (var symbol in candidates)
        {
            var type = TypeOf(symbol);
            if (type is null || IsSection(type)) continue;
            if (SymbolNames.IsOrDerivesFrom(type, ConfigurationType)) return symbol.Name;
            if (type.GetMembers("Configuration").OfType<IPropertySymbol>().FirstOrDefault() is { } property && SymbolNames.IsOrDerivesFrom(property.Type, ConfigurationType))
                return $"{symbol.Name}.Configuration";
        }
        return null;
    }

    /// <summary>
    /// A client given its own <c>AmazonS3Config</c>: the config's initializer is rewritten for R2 (inline, or the
    /// local it was built in), keeping an endpoint the app already reads. Anything less clear is a manual step
    /// naming where the config comes from.
    /// </summary>
    private IEnumerable<(SyntaxNode From, SyntaxNode To)> OwnConfigFor(SourceSet sources, string path, ExpressionSyntax config, SemanticModel model, RunState run, SyntaxNode client)
    {
        var line = ScopeSearch.LineOf(client);
        ObjectCreationExpressionSyntax? creation = config as ObjectCreationExpressionSyntax;
        string? local = null;
        if (creation is null && model.GetSymbolInfo(config).Symbol is ILocalSymbol symbol)
        {
            local = symbol.Name;
            if (symbol.DeclaringSyntaxReferences is [var reference] && reference.SyntaxTree == client.SyntaxTree
                && reference.GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: ObjectCreationExpressionSyntax initial })
                creation = initial;
            // Properties set after the config is built would undo or contradict the rewrite.
            var body = client.Ancestors().FirstOrDefault(a => a is BlockSyntax or CompilationUnitSyntax or ArrowExpressionClauseSyntax);
            var later = body?.DescendantNodes().OfType<AssignmentExpressionSyntax>()
                .FirstOrDefault(a => a.Left is MemberAccessExpressionSyntax m && model.GetSymbolInfo(m.Expression).Symbol is ILocalSymbol target && SymbolEqualityComparer.Default.Equals(target, symbol));
            if (later is not null)
            {
                sources.AddManualStep(path, ScopeSearch.LineOf(later),
                    $"the AmazonS3Config '{symbol.Name}' is changed after it is built ({later.Left}): set ServiceURL to https://ACCOUNT_ID.r2.cloudflarestorage.com, ForcePathStyle = true and AuthenticationRegion = \"auto\" by hand, and drop RegionEndpoint.");
                return [];
            }
        }
        if (creation is null)
        {
            var where = model.GetSymbolInfo(config).Symbol is { } origin && origin.Locations.FirstOrDefault() is { IsInSource: true } location
                ? $" ({origin.Kind.ToString().ToLowerInvariant()} '{origin.Name}', {Path.GetFileName(location.SourceTree!.FilePath)}:{location.GetLineSpan().StartLinePosition.Line + 1})"
                : "";
            sources.AddManualStep(path, line,
                $"this client's AmazonS3Config comes from '{config}'{where}: set its ServiceURL to https://ACCOUNT_ID.r2.cloudflarestorage.com, ForcePathStyle = true and AuthenticationRegion = \"auto\", and drop RegionEndpoint, where it is built.");
            return [];
        }
        if (model.GetTypeInfo(creation).Type is not { } type || SymbolNames.FullName(type) != ConfigType)
        {
            sources.AddManualStep(path, line, $"this client's config is a {model.GetTypeInfo(creation).Type?.Name ?? "value"} built at line {ScopeSearch.LineOf(creation)}: build it for R2 by hand.");
            return [];
        }
        var assignments = creation.Initializer?.Expressions.OfType<AssignmentExpressionSyntax>()
            .ToDictionary(a => a.Left.ToString(), a => a.Right, StringComparer.Ordinal) ?? new Dictionary<string, ExpressionSyntax>(StringComparer.Ordinal);
        if (assignments.GetValueOrDefault("AuthenticationRegion")?.ToString() == "\"auto\"" && assignments.GetValueOrDefault("ForcePathStyle")?.ToString() == "true"
            && !assignments.ContainsKey("RegionEndpoint"))
            return []; // already built for R2

        // An endpoint the app already reads (not a literal AWS host) stays: the person points that setting at R2.
        var existing = assignments.GetValueOrDefault("ServiceURL");
        string serviceUrl;
        if (existing is not null && existing is not LiteralExpressionSyntax && !IsAlreadyR2(existing))
        {
            serviceUrl = existing.ToString();
            sources.AddManualStep(path, ScopeSearch.LineOf(existing),
                $"ServiceURL comes from '{existing}', which the app already reads: set that value to https://ACCOUNT_ID.r2.cloudflarestorage.com.");
        }
        else serviceUrl = existing is not null && IsAlreadyR2(existing) ? existing.ToString() : EndpointFor(sources, path, client, model, run, needsCredentials: false).ServiceUrl;

        var set = new List<(string, string)>
        {
            ("ServiceURL", serviceUrl),
            ("ForcePathStyle", "true"),
            ("AuthenticationRegion", "\"auto\""),
            ("RequestChecksumCalculation", "Amazon.Runtime.RequestChecksumCalculation.WHEN_REQUIRED"),
            ("ResponseChecksumValidation", "Amazon.Runtime.ResponseChecksumValidation.WHEN_REQUIRED"),
        };
        if (creation.Initializer is null or { Expressions.Count: 0 })
        {
            var indent = ScopeSearch.IndentOf(creation);
            var fresh = SyntaxFactory.ParseExpression(NewConfig(serviceUrl, indent).Replace("new Amazon.S3.AmazonS3Config", $"new {creation.Type}", StringComparison.Ordinal));
            return [(creation, fresh.WithTriviaFrom(creation))];
        }
        var updated = WithAssignments(creation.Initializer, set, AwsOnlyConfig);
        return [(creation.Initializer, updated)];
    }

    // services.AddAWSService<IAmazonS3>() from AWSSDK.Extensions.NETCore.Setup, or services.AddSingleton<IAmazonS3, AmazonS3Client>()
    // (and AddScoped/AddTransient, or AddSingleton<AmazonS3Client>()), where the container calls a constructor itself.
    private static bool IsAwsServiceRegistration(InvocationExpressionSyntax invocation, SemanticModel model) =>
        invocation.Expression is MemberAccessExpressionSyntax { Name: GenericNameSyntax { Identifier.ValueText: var method } }
        && model.GetSymbolInfo(invocation).Symbol is IMethodSymbol { TypeArguments: var types }
        && (method == "AddAWSService" && types is [var service] && SymbolNames.FullName(service) == ClientInterface
            || method is "AddSingleton" or "AddScoped" or "AddTransient" && invocation.ArgumentList.Arguments.Count == 0 && types.Length is 1 or 2
               && SymbolNames.FullName(types[^1]) == ClientType);

    /// <summary>
    /// <c>services.AddAWSService&lt;IAmazonS3&gt;()</c> builds the client from the AWS options (region, profile):
    /// it becomes a singleton built for R2. Other arguments (options, lifetime) are a manual step.
    /// </summary>
    private SyntaxNode? RegistrationFor(SourceSet sources, string path, InvocationExpressionSyntax invocation, SemanticModel model, RunState run)
    {
        var line = ScopeSearch.LineOf(invocation);
        if (invocation.ArgumentList.Arguments.Count > 0)
        {
            sources.AddManualStep(path, line, $"AddAWSService<IAmazonS3>({invocation.ArgumentList.Arguments}) builds the client from these options: register an AmazonS3Client built for R2 (ServiceURL https://ACCOUNT_ID.r2.cloudflarestorage.com, ForcePathStyle = true, AuthenticationRegion = \"auto\") instead.");
            return null;
        }
        var member = (MemberAccessExpressionSyntax)invocation.Expression;
        var generic = (GenericNameSyntax)member.Name;
        var registered = generic.Identifier.ValueText == "AddAWSService" ? "Amazon.S3.IAmazonS3" : generic.TypeArgumentList.Arguments[0].ToString();
        var lifetime = generic.Identifier.ValueText == "AddAWSService" ? "AddSingleton" : generic.Identifier.ValueText;
        var endpoint = EndpointFor(sources, path, invocation, model, run, needsCredentials: true);
        var indent = ScopeSearch.IndentOf(invocation);
        var client = endpoint.Credentials is null ? $"new Amazon.S3.AmazonS3Client({NewConfig(endpoint.ServiceUrl, indent)})" : $"new Amazon.S3.AmazonS3Client({endpoint.Credentials}, {NewConfig(endpoint.ServiceUrl, indent)})";
        sources.AddManualStep(path, line, generic.Identifier.ValueText == "AddAWSService"
            ? "AddAWSService<IAmazonS3>() became a singleton AmazonS3Client built for R2: it no longer reads the AWS section's region or profile (AddDefaultAWSOptions stays for other AWS services)."
            : $"{generic} let the container build the AmazonS3Client with the AWS defaults; it now builds one for R2.");
        var text = $"{member.Expression}{member.OperatorToken}{lifetime}<{registered}>(_ => {client})";
        return SyntaxFactory.ParseExpression(text).WithTriviaFrom(invocation);
    }

    /// <summary>
    /// A <c>TransferUtility</c> that makes its own client (keys and region instead of an <c>IAmazonS3</c>) gets an
    /// R2 client built the same way; one given a client follows that client, and works on R2 as it is.
    /// </summary>
    private SyntaxNode? TransferUtilityFor(SourceSet sources, string path, BaseObjectCreationExpressionSyntax creation, SemanticModel model, RunState run)
    {
        if (model.GetSymbolInfo(creation).Symbol is not IMethodSymbol constructor) return null;
        var parameters = constructor.Parameters;
        if (parameters.Length > 0 && SymbolNames.IsOrDerivesFrom(parameters[0].Type, ClientInterface)) return null; // follows its client
        if (IsAlreadyR2(creation)) return null;
        var arguments = creation.ArgumentList?.Arguments ?? default;
        var credentials = CredentialsOf(arguments, parameters);
        var transferConfig = Enumerable.Range(0, Math.Min(arguments.Count, parameters.Length))
            .Where(i => parameters[i].Type.Name == "TransferUtilityConfig").Select(i => arguments[i].Expression.ToString()).FirstOrDefault();
        var endpoint = EndpointFor(sources, path, creation, model, run, credentials is null);
        credentials ??= endpoint.Credentials;
        var config = NewConfig(endpoint.ServiceUrl, ScopeSearch.IndentOf(creation));
        var client = credentials is null ? $"new Amazon.S3.AmazonS3Client({config})" : $"new Amazon.S3.AmazonS3Client({credentials}, {config})";
        var typeText = creation is ObjectCreationExpressionSyntax explicitType ? explicitType.Type.ToString() : "Amazon.S3.Transfer.TransferUtility";
        var text = transferConfig is null ? $"new {typeText}({client})" : $"new {typeText}({client}, {transferConfig})";
        return SyntaxFactory.ParseExpression(text).WithTriviaFrom(creation);
    }
}
