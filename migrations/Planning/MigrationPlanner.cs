using Toolkit.Core.Diagnostics;
using Toolkit.Migrations.Configuring;
using Toolkit.Migrations.Diffing;
using Toolkit.Migrations.Git;
using Toolkit.Migrations.Paths;
using Toolkit.Migrations.Secrets;
using Toolkit.Transforms.Swaps;

namespace Toolkit.Migrations.Planning;

/// <summary>
/// Makes a plan: runs each requested swap over the app (swaps only read), checks every path stays in
/// the app, adds the <c>toolkit.yaml</c> technology change, diffs every file (secrets masked) and scores
/// complexity and risk. Pure apart from reading the app and asking git where it is.
/// </summary>
public sealed class MigrationPlanner(IReadOnlyList<ISwap> available)
{
    /// <summary>Plans <paramref name="swapIds"/> over the app at <paramref name="appRoot"/>.</summary>
    public async Task<PreparedMigration> PlanAsync(string appRoot, IReadOnlyList<string> swapIds, CancellationToken cancellationToken = default) =>
        await PlanAsync(appRoot, swapIds, new Dictionary<string, string>(), cancellationToken);

    /// <summary>Plans <paramref name="swapIds"/> with swap <paramref name="options"/> (<c>r2.accountId</c>: each swap gets the keys prefixed with its target id).</summary>
    public async Task<PreparedMigration> PlanAsync(string appRoot, IReadOnlyList<string> swapIds, IReadOnlyDictionary<string, string> options,
        CancellationToken cancellationToken = default)
    {
        var repository = await GitRepository.OpenAsync(appRoot, cancellationToken);
        var gate = AppPaths.For(appRoot);
        var pathInRepository = Path.GetRelativePath(AppPaths.RealPath(repository.TopLevel), gate.Root).Replace('\\', '/');
        if (pathInRepository == ".") pathInRepository = "";
        if (pathInRepository.StartsWith("..", StringComparison.Ordinal))
            throw new DiagnosticException(Diagnostic.Error("MIG022", $"app path '{gate.Root}' is outside the repository '{repository.TopLevel}'."));
        var swaps = Resolve(swapIds);
        foreach (var key in options.Keys.Where(k => !swaps.Any(s => k.StartsWith(s.To + ".", StringComparison.Ordinal))
                     && !k.StartsWith(TargetCompatibility.OptionPrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            throw new DiagnosticException(Diagnostic.Error("MIG034",
                $"option '{key}' belongs to none of the swaps; options are named TARGET.NAME ({string.Join(", ", swaps.Select(s => s.To + ".*"))}), or {TargetCompatibility.OptionPrefix}CATEGORY=VALUE to change another technology in toolkit.yaml."));
        return Prepare(gate, pathInRepository, swaps, new SortedDictionary<string, string>(options.ToDictionary(), StringComparer.Ordinal));
    }

    /// <summary>The swaps for <paramref name="swapIds"/>, or MIG030 naming the unknown id and listing the known ones.</summary>
    public IReadOnlyList<ISwap> Resolve(IReadOnlyList<string> swapIds)
    {
        if (swapIds.Count == 0) throw new DiagnosticException(Diagnostic.Error("MIG031", "no --swap given; " + Known()));
        var swaps = new List<ISwap>();
        foreach (var id in swapIds)
        {
            var swap = available.FirstOrDefault(s => string.Equals(s.Id, id.Trim(), StringComparison.OrdinalIgnoreCase))
                ?? throw new DiagnosticException(Diagnostic.Error("MIG030", $"unknown swap '{id}'; " + Known()));
            if (swaps.Any(s => s.Category == swap.Category))
                throw new DiagnosticException(Diagnostic.Error("MIG032", $"swap '{id}' changes category '{swap.Category}' a second time; give one swap per category."));
            swaps.Add(swap);
        }
        return swaps;
    }

    private string Known() =>
        "known swaps: " + (available.Count == 0 ? "(none)" : string.Join(", ", available.Select(s => s.Id).Order(StringComparer.Ordinal))) + ".";

    private static PreparedMigration Prepare(AppPaths gate, string pathInRepository, IReadOnlyList<ISwap> swaps, SortedDictionary<string, string> options)
    {
        var edits = new SortedDictionary<string, (ISwap Swap, FileEdit Edit, List<string> Conflicts)>(StringComparer.Ordinal);
        var manual = new List<PlannedManualStep>();
        var scripts = new List<PreparedScript>();
        foreach (var swap in swaps)
        {
            var own = options.Where(o => o.Key.StartsWith(swap.To + ".", StringComparison.Ordinal)).ToDictionary(o => o.Key, o => o.Value);
            var result = swap.Plan(new SwapContext(gate.Root, own));
            foreach (var edit in result.Edits)
            {
                var path = Normalize(edit.RelativePath);
                gate.Resolve(path);
                if (!edits.TryGetValue(path, out var earlier)) edits[path] = (swap, edit with { RelativePath = path }, []);
                else if (earlier.Edit.Before is { } original && edit.Before == original && earlier.Edit.After is { } ours && edit.After is { } theirs
                         && ThreeWayMerge.TryMerge(original, ours, theirs) is { } merged)
                    edits[path] = earlier with { Edit = earlier.Edit with { After = merged } };
                else earlier.Conflicts.Add($"{earlier.Swap.Id} and {swap.Id} change the same lines; plan and apply them one after the other");
            }
            manual.AddRange(result.ManualSteps.Select(m => new PlannedManualStep(swap.Id, Normalize(m.RelativePath), m.Line, SecretMasker.MaskSecrets(m.Reason))));
            scripts.AddRange(result.DatabaseScripts.Select(s => new PreparedScript($"{swap.Id}/{s.Name}", s)));
        }

        var configChanges = AddConfigChanges(gate, swaps, options, edits, manual);

        var changes = new List<FileChange>();
        var files = new List<PreparedFile>();
        foreach (var (path, (_, edit, conflicts)) in edits)
        {
            var original = FileContent.Read(gate.Resolve(path));
            if (original is null && edit.After is null) continue; // deleting what is not there
            if (original is null && edit.Before is not null) conflicts.Add("the swap read this file but it does not exist");
            else if (original is not null && edit.Before is null) conflicts.Add("the swap adds this file but it already exists");
            else if (original is not null && FileContent.Decode(original) != edit.Before) conflicts.Add("the file on disk differs from what the swap read");
            var after = edit.After is null ? null : FileContent.Encode(edit.After, original);
            var beforeText = original is null ? null : FileContent.Decode(original);
            if (beforeText == edit.After && original is not null) continue; // nothing to do
            var type = original is null ? ChangeType.Add : edit.After is null ? ChangeType.Delete : ChangeType.Modify;
            changes.Add(new FileChange(path, type, FileContent.Hash(original), FileContent.Hash(after),
                SecretMasker.MaskSecrets(UnifiedDiff.Create(Join(pathInRepository, path), beforeText, edit.After)),
                conflicts.Count > 0, conflicts.Count > 0 ? string.Join("; ", conflicts) : null));
            files.Add(new PreparedFile(path, after));
        }

        var databaseMigrations = scripts.Select(s => new DatabaseMigration(s.Id, s.Script.Name,
            SecretMasker.MaskSecrets(s.Script.Up), s.Script.Down is null ? null : SecretMasker.MaskSecrets(s.Script.Down),
            EstimatedSeconds: 5, RequiresDowntime: false, DataMigrationRequired: s.Script.MigratesData)).ToList();
        var dataCopy = swaps.Any(s => s.Category == "database");
        // A file the plan changes is never said to be left unchanged, whichever swap said so.
        var changedBy = edits.Where(e => changes.Any(c => c.Path == e.Key)).ToDictionary(e => e.Key, e => (IReadOnlyList<string>)[e.Value.Swap.Id], StringComparer.Ordinal);
        var sortedManual = manual
            .Select(m => changedBy.TryGetValue(m.Path, out var by) ? m with { Reason = ManualStepWording.ForChangedFile(m.Reason, by) } : m)
            .OrderBy(m => m.Path, StringComparer.Ordinal).ThenBy(m => m.Line).ThenBy(m => m.Swap, StringComparer.Ordinal).ToList();
        var categories = swaps.Select(s => s.Category).Order(StringComparer.Ordinal).ToList();

        var plan = new MigrationPlan
        {
            Id = "",
            App = new AppLocation(gate.Root, pathInRepository),
            Swaps = swaps.Select(s => s.Id).ToList(),
            SwapOptions = options,
            SourceConfiguration = new SortedDictionary<string, string>(swaps.ToDictionary(s => s.Category, s => s.From), StringComparer.Ordinal),
            TargetConfiguration = new SortedDictionary<string, string>(swaps.ToDictionary(s => s.Category, s => s.To), StringComparer.Ordinal),
            MigrationType = PlanScoring.TypeOf(categories),
            AffectedCategories = categories,
            FileChanges = changes,
            DatabaseMigrations = databaseMigrations,
            ConfigChanges = configChanges,
            Complexity = PlanScoring.Complexity(categories.Count, changes.Count, sortedManual.Count, databaseMigrations.Count, dataCopy),
            EstimatedDurationMinutes = PlanScoring.Minutes(changes.Count, sortedManual.Count, databaseMigrations.Count, dataCopy),
            RiskLevel = PlanScoring.Risk(changes, sortedManual.Count, databaseMigrations, dataCopy),
            RollbackPlan = PlanScoring.Rollback(changes.Count, databaseMigrations, configChanges, sortedManual.Count, dataCopy),
            ManualSteps = sortedManual,
        };
        plan = plan with { Id = PlanJson.ComputeId(plan) };
        return new PreparedMigration(plan, files, scripts);
    }

    // The toolkit.yaml choice follows the swap (plus the toolkit.CATEGORY=VALUE options), unless a swap already
    // edits that file itself; the result must not break a compatibility rule that held before (MIG036).
    private static IReadOnlyList<ConfigChange> AddConfigChanges(AppPaths gate, IReadOnlyList<ISwap> swaps, IReadOnlyDictionary<string, string> options,
        SortedDictionary<string, (ISwap Swap, FileEdit Edit, List<string> Conflicts)> edits, List<PlannedManualStep> manual)
    {
        var path = gate.Resolve(ToolkitYamlTechnology.FileName);
        var extra = options.Where(o => o.Key.StartsWith(TargetCompatibility.OptionPrefix, StringComparison.Ordinal))
            .Select(o => (Category: o.Key[TargetCompatibility.OptionPrefix.Length..], o.Value)).ToList();
        if (!File.Exists(path))
        {
            if (extra.Count > 0)
                throw new DiagnosticException(Diagnostic.Error("MIG034",
                    $"option '{TargetCompatibility.OptionPrefix}{extra[0].Category}' changes toolkit.yaml, but the app has none at {path}."));
            return [];
        }
        var catalogue = Toolkit.Stacks.Catalogue.TechnologyCatalogue.Default;
        foreach (var (category, value) in extra)
        {
            if (catalogue.Category(category) is not { } known)
                throw new DiagnosticException(Diagnostic.Error("MIG034",
                    $"option '{TargetCompatibility.OptionPrefix}{category}': no technology category '{category}' (known: {string.Join(", ", catalogue.Categories.Select(c => c.Id))})."));
            if (known.Options.All(o => o.Id != value))
                throw new DiagnosticException(Diagnostic.Error("MIG034",
                    $"option '{TargetCompatibility.OptionPrefix}{category}={value}': '{value}' is not a {category} option (known: {string.Join(", ", known.Options.Select(o => o.Id))})."));
            if (swaps.Any(s => s.Category == category))
                throw new DiagnosticException(Diagnostic.Error("MIG034",
                    $"option '{TargetCompatibility.OptionPrefix}{category}' changes category '{category}', which swap '{swaps.First(s => s.Category == category).Id}' already changes."));
        }
        var changes = new List<ConfigChange>();
        var original = FileContent.Decode(File.ReadAllBytes(path));
        var text = edits.TryGetValue(ToolkitYamlTechnology.FileName, out var existing) ? existing.Edit.After ?? original : original;
        foreach (var swap in swaps)
        {
            var current = ToolkitYamlTechnology.Read(text, swap.Category);
            if (current is not null && current.Value.Value == swap.To) { changes.Add(new ConfigChange(ToolkitYamlTechnology.FileName, swap.Category, swap.From, swap.To)); continue; }
            if (current is not null && current.Value.Value != swap.From)
                throw new DiagnosticException(Diagnostic.Error("MIG033",
                    $"{ToolkitYamlTechnology.FileName} chooses '{current.Value.Value}' for {swap.Category}, but swap '{swap.Id}' starts from '{swap.From}'.",
                    new SourceLocation(path, current.Value.Line, 1)));
            // A file that does not name the category runs its default: when that is what the swap starts from, the
            // file names the new choice afterwards; otherwise the platform never ran it, and the file is left alone.
            if (current is null && catalogue.Category(swap.Category)?.Default != swap.From) continue;
            if (ToolkitYamlTechnology.Set(text, swap.Category, swap.To) is not { } updated) continue; // no technologies section: nothing to follow
            text = updated;
            changes.Add(new ConfigChange(ToolkitYamlTechnology.FileName, swap.Category, swap.From, swap.To));
        }
        foreach (var (category, value) in extra)
        {
            var from = ToolkitYamlTechnology.Read(text, category)?.Value ?? catalogue.Category(category)!.Default;
            if (from == value) continue;
            text = ToolkitYamlTechnology.Set(text, category, value)
                ?? throw new DiagnosticException(Diagnostic.Error("MIG034",
                    $"option '{TargetCompatibility.OptionPrefix}{category}': {ToolkitYamlTechnology.FileName} has no technologies section to change.", new SourceLocation(path, 1, 1)));
            changes.Add(new ConfigChange(ToolkitYamlTechnology.FileName, category, from, value));
        }

        var findings = TargetCompatibility.NewFindings(original, text, path);
        var errors = findings.Where(f => f.Diagnostic.Severity == Severity.Error).ToList();
        if (errors.Count > 0) throw TargetCompatibility.Refusal(errors, swaps.Select(s => s.Id).ToList(), ToolkitYamlTechnology.FileName);
        foreach (var warning in findings.Where(f => f.Diagnostic.Severity == Severity.Warning))
            manual.Add(new PlannedManualStep(string.Join(" ", swaps.Select(s => s.Id)), ToolkitYamlTechnology.FileName, warning.Diagnostic.Location?.Line ?? 1,
                $"after this plan, {ToolkitYamlTechnology.FileName} warns ({warning.Diagnostic.Code}): {warning.Diagnostic.Message}"));

        if (text != original || existing.Edit is not null)
        {
            var owner = existing.Swap ?? swaps.First(s => changes.Any(c => c.Category == s.Category));
            edits[ToolkitYamlTechnology.FileName] = (owner, new FileEdit(ToolkitYamlTechnology.FileName, original, text), existing.Conflicts ?? []);
        }
        return changes.OrderBy(c => c.Category, StringComparer.Ordinal).ToList();
    }

    private static string Normalize(string relativePath) => relativePath.Replace('\\', '/');

    private static string Join(string pathInRepository, string path) => pathInRepository.Length == 0 ? path : $"{pathInRepository.TrimEnd('/')}/{path}";
}
