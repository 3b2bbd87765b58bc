using Toolkit.Transforms.Swaps;

namespace Toolkit.Migrations.Planning;

/// <summary>
/// A plan together with what applying it writes: the exact bytes per file (which the plan itself never
/// holds, so secrets stay out of it) and the unmasked database scripts. Made fresh by
/// <see cref="MigrationPlanner"/> at plan time and again at apply time, where the two ids must agree.
/// </summary>
public sealed record PreparedMigration(
    MigrationPlan Plan,
    IReadOnlyList<PreparedFile> Files,
    IReadOnlyList<PreparedScript> Scripts);

/// <summary>The bytes to write to an app-relative path; null deletes the file.</summary>
public sealed record PreparedFile(string Path, byte[]? Content);

/// <summary>A database script pair with its plan id (<c>SWAP/NAME</c>), unmasked.</summary>
public sealed record PreparedScript(string Id, SwapDatabaseScript Script);
