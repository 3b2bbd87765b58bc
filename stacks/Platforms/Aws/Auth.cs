using Toolkit.Stacks.Configuration;
using Toolkit.Stacks.Model;

namespace Toolkit.Stacks.Platforms.Aws;

/// <summary>A Cognito user pool and its app client.</summary>
public sealed record UserPool(Resource Pool, Resource Client, Value Issuer);

/// <summary>
/// <c>auth: aws-cognito</c>: a user pool in the primary region (Cognito pools do not replicate) with email as the
/// username, verified email for recovery, optional TOTP MFA, a 12-character password policy, deletion protection with
/// the stack's, and a public app client (SRP and refresh only, token revocation, no user-existence leaks). With
/// db-per-tenant every tenant gets its own pool and client (<c>user-pool-SLUG</c>); otherwise one pool serves all.
/// </summary>
public static class Auth
{
    /// <summary>User pools per account and region Cognito allows before a quota increase.</summary>
    public const int DefaultPoolQuota = 1000;

    /// <summary>Adds the pools: one shared (key <c>*</c>), or one per tenant id with db-per-tenant.</summary>
    public static IReadOnlyDictionary<string, UserPool> Add(StackScope scope)
    {
        var pools = new Dictionary<string, UserPool>(StringComparer.Ordinal);
        if (scope.Context.Isolation != IsolationLevel.DbPerTenant)
        {
            pools["*"] = AddPool(scope, "user-pool", scope.Prefix);
            return pools;
        }
        foreach (var tenant in scope.Context.Tenants)
            pools[tenant.Id] = AddPool(scope, $"user-pool-{tenant.Slug}", $"{scope.Prefix}-{tenant.Slug}");
        return pools;
    }

    // The same for every pool and client: built once, shared (immutable), so 10,000 tenant pools cost their names only.
    private static readonly MapValue PoolSettings = Expr.Map(
        ("usernameAttributes", Expr.Strings(["email"])),
        ("autoVerifiedAttributes", Expr.Strings(["email"])),
        ("mfaConfiguration", "OPTIONAL"),
        ("softwareTokenMfaConfiguration", Expr.Map(("enabled", true))),
        ("passwordPolicy", Expr.Map(
            ("minimumLength", 12),
            ("requireLowercase", true),
            ("requireUppercase", true),
            ("requireNumbers", true),
            ("requireSymbols", true),
            ("temporaryPasswordValidityDays", 3))),
        ("accountRecoverySetting", Expr.Map(("recoveryMechanisms", Expr.List(Expr.Map(("name", "verified_email"), ("priority", 1)))))));

    private static readonly MapValue ClientSettings = Expr.Map(
        ("name", "app"),
        ("generateSecret", false),
        ("explicitAuthFlows", Expr.Strings(["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"])),
        ("preventUserExistenceErrors", "ENABLED"),
        ("enableTokenRevocation", true),
        ("accessTokenValidity", 60),
        ("idTokenValidity", 60),
        ("refreshTokenValidity", 30),
        ("tokenValidityUnits", Expr.Map(("accessToken", "minutes"), ("idToken", "minutes"), ("refreshToken", "days"))));

    private static UserPool AddPool(StackScope scope, string name, string poolName)
    {
        var region = scope.Context.PrimaryRegion;
        var protect = scope.Context.Stack.DeletionProtection;
        var pool = scope.Aws(name, "aws:cognito/userPool:UserPool",
            new MapValue([new("name", poolName), .. PoolSettings.Entries, new("deletionProtection", protect ? "ACTIVE" : "INACTIVE")]), region,
            new ResourceOptions { Protect = protect });
        var client = scope.Aws($"{name}-client", "aws:cognito/userPoolClient:UserPoolClient",
            new MapValue([new("userPoolId", pool.Output("id")), .. ClientSettings.Entries]), region,
            new ResourceOptions { Parent = pool.Name });
        return new UserPool(pool, client, Expr.Join("", $"https://cognito-idp.{region}.amazonaws.com/", pool.Output("id")));
    }

    /// <summary>What a service using <paramref name="pool"/> is told: the pool, its client and the token issuer.</summary>
    public static IEnumerable<(string Name, Value Value)> Environment(UserPool pool) =>
    [
        ("AUTH_USER_POOL_ID", pool.Pool.Output("id")),
        ("AUTH_CLIENT_ID", pool.Client.Output("id")),
        ("AUTH_ISSUER", pool.Issuer),
    ];
}
