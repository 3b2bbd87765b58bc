using Toolkit.Core.Layout;

namespace Toolkit.Promotion.Ci;

/// <summary>
/// The GitHub Actions workflow <c>toolkit ci init --provider github</c> writes: the eight stages of the
/// platform's pipeline as jobs, in order, with <c>deploy_production</c> being <c>toolkit promote</c>.
/// </summary>
public static class GitHubWorkflow
{
    /// <summary>The stages, in pipeline order (each a job that needs the previous one).</summary>
    public static IReadOnlyList<string> Stages { get; } =
    [
        "lint_and_test", "security_scan", "build_and_push", "database_migration",
        "deploy_staging", "integration_tests", "deploy_production", "post_deploy_verification",
    ];

    /// <summary>Where the workflow is written, relative to the repository root.</summary>
    public const string RelativePath = ".github/workflows/deploy.yml";

    /// <summary>Repository variable naming the Toolkit repository the jobs install <c>toolkit</c> from (<c>OWNER/NAME</c>).</summary>
    public const string RepositoryVariable = "TOOLKIT_REPOSITORY";

    /// <summary>
    /// The workflow YAML for <paramref name="config"/> (relative path of toolkit.yaml) and the production stack. Every
    /// job installs <c>toolkit</c> the way the README does (a checkout of the Toolkit repository named by the
    /// <see cref="RepositoryVariable"/> repository variable, then <c>scripts/install.sh</c>); the image built from the
    /// commit is what staging runs and what production's green runs; the promotion state is restored and saved with the
    /// cache around <c>toolkit promote</c>, so a re-run of a killed job resumes the promotion.
    /// </summary>
    /// <remarks>
    /// With <paramref name="dbShards"/> above 1, <c>database_migration</c> is a matrix of that many jobs, each migrating
    /// its shard of the tenants (<c>db migrate --tenants --shard K/N</c>: a stable, disjoint assignment) and uploading its
    /// own release manifest; <c>deploy_production</c> merges them into one (one-way if any shard's is) before promoting.
    /// </remarks>
    public static string Render(string config, string productionStack, string stagingStack, int dbShards = 1)
    {
        var configDirectory = Path.GetDirectoryName(config.Replace('\\', '/')) is { Length: > 0 } d ? d.Replace('\\', '/') + "/" : "";
        var toolkit = configDirectory + ToolkitDirectory.Name;
        var release = $"{toolkit}/release.json";
        var state = $"{toolkit}/promotion.{productionStack}.json";
        var program = $"{toolkit}/stacks/{productionStack}";
        var steps = new Dictionary<string, string>
        {
            ["lint_and_test"] = Run("Check formatting", "dotnet format --verify-no-changes") + Run("Test", "dotnet test -c Release"),
            ["security_scan"] = Run("Validate config", $"toolkit validate --config {config}")
                                + Run("Compliance (SARIF)", $"toolkit compliance report --config {config} --stack {productionStack} --format sarif --out compliance.sarif")
                                + "      - uses: github/codeql-action/upload-sarif@v3\n        with:\n          sarif_file: compliance.sarif\n",
            ["build_and_push"] = Run("Build and push image", "docker build -t \"$IMAGE\" . && echo \"${{ secrets.GITHUB_TOKEN }}\" | docker login ghcr.io -u \"${{ github.actor }}\" --password-stdin && docker push \"$IMAGE\""),
            ["database_migration"] = dbShards > 1
                ? Run($"Migrate tenant shard ${{{{ matrix.shard }}}} of {dbShards}", $"toolkit db migrate --tenants --shard ${{{{ matrix.shard }}}}/{dbShards} --connection \"${{{{ secrets.DATABASE_URL }}}}\" --scripts db/ --release-manifest {toolkit}/release.shard-${{{{ matrix.shard }}}}.json")
                  + $"      - uses: actions/upload-artifact@v4\n        with:\n          name: release-manifest-${{{{ matrix.shard }}}}\n          path: {toolkit}/release.shard-${{{{ matrix.shard }}}}.json\n          if-no-files-found: ignore\n"
                : Run("Migrate", $"toolkit db migrate --connection \"${{{{ secrets.DATABASE_URL }}}}\" --scripts db/ --release-manifest {release}")
                  + $"      - uses: actions/upload-artifact@v4\n        with:\n          name: release-manifest\n          path: {release}\n",
            // Staging runs the new image outright.
            ["deploy_staging"] = Run("Deploy staging (the image just built)", $"toolkit up --config {config} --stack {stagingStack} --image \"$IMAGE\" --yes"),
            ["integration_tests"] = Run("Integration tests", "dotnet test -c Release --filter Category=Integration"),
            // Production: green gets the new image (blue keeps serving the old one), then traffic moves step by step.
            ["deploy_production"] = (dbShards > 1
                                        ? $"      - uses: actions/download-artifact@v4\n        with:\n          pattern: release-manifest-*\n          merge-multiple: true\n          path: {toolkit}\n"
                                          // A shard whose tenants were all up to date wrote none; the merged one keeps the manifest's shape.
                                          + "      - name: Merge the shards' release manifests (one-way if any is)\n        run: |\n"
                                          + $"          if ls {toolkit}/release.shard-*.json > /dev/null 2>&1; then\n"
                                          + $"            jq -s '{{oneWay: (map(.oneWay) | any), scripts: (map(.scripts) | add | unique_by(.name))}}' {toolkit}/release.shard-*.json > {release}\n"
                                          + "          fi\n"
                                        : $"      - uses: actions/download-artifact@v4\n        with:\n          name: release-manifest\n          path: {toolkit}\n")
                                    + "      - name: Restore the promotion state (a killed run resumes)\n        uses: actions/cache/restore@v4\n"
                                    + $"        with:\n          path: {state}\n          key: promotion-{productionStack}-${{{{ github.sha }}}}-${{{{ github.run_attempt }}}}\n          restore-keys: promotion-{productionStack}-${{{{ github.sha }}}}-\n"
                                    + Run("Synthesize production", $"toolkit synth --config {config} --stack {productionStack} --out {program}")
                                    + Run("Give green the new image", $"cd {program} && pulumi stack select {productionStack} --create && pulumi config set greenImage \"$IMAGE\"")
                                    + Run("Deploy green (weights unchanged)", $"toolkit up --config {config} --stack {productionStack} --out {program} --yes")
                                    + Run("Promote green", $"toolkit promote --config {config} --stack {productionStack} --target pulumi --pulumi-dir {program} --junit promotion.xml --github-summary --release-manifest {release}")
                                    + "      - name: Save the promotion state\n        if: always()\n        uses: actions/cache/save@v4\n"
                                    + $"        with:\n          path: {state}\n          key: promotion-{productionStack}-${{{{ github.sha }}}}-${{{{ github.run_attempt }}}}\n"
                                    + "      - uses: actions/upload-artifact@v4\n        if: always()\n        with:\n          name: promotion-junit\n          path: promotion.xml\n",
            ["post_deploy_verification"] = Run("Compliance report", $"toolkit compliance report --config {config} --stack {productionStack} --format md --out compliance.md")
                                           + Run("Job summary", "cat compliance.md >> \"$GITHUB_STEP_SUMMARY\""),
        };
        var yaml = new System.Text.StringBuilder();
        yaml.Append("# Written by `toolkit ci init --provider github`. Exit codes of toolkit: 0 ok, 1 failed (promotion rolled back),\n");
        yaml.Append("# 3 missing tool, 4 stopped for a person (one-way migration: traffic left where it was).\n");
        yaml.Append($"# Set the repository variable {RepositoryVariable} to the Toolkit repository (OWNER/NAME) every job installs toolkit from.\n");
        yaml.Append("name: deploy\n");
        yaml.Append("on:\n  push:\n    branches: [main]\n");
        yaml.Append("concurrency:\n  group: deploy\n  cancel-in-progress: false  # a killed promotion is resumed by the next run\n");
        yaml.Append("env:\n  IMAGE: ghcr.io/${{ github.repository }}:${{ github.sha }}\n  PULUMI_ACCESS_TOKEN: ${{ secrets.PULUMI_ACCESS_TOKEN }}\n");
        yaml.Append("jobs:\n");
        string? previous = null;
        foreach (var stage in Stages)
        {
            yaml.Append($"  {stage}:\n");
            yaml.Append("    runs-on: ubuntu-latest\n");
            if (previous is not null) yaml.Append($"    needs: {previous}\n");
            if (stage is "database_migration" && dbShards > 1)
                yaml.Append($"    strategy:\n      fail-fast: false  # every shard finishes its tenants; a failed one still blocks the deploy\n      matrix:\n        shard: [{string.Join(", ", Enumerable.Range(1, dbShards))}]\n");
            if (stage is "deploy_production") yaml.Append("    environment: production\n");
            yaml.Append("    steps:\n");
            yaml.Append("      - uses: actions/checkout@v4\n");
            yaml.Append("      - uses: actions/setup-dotnet@v4\n        with:\n          dotnet-version: '10.0.x'\n");
            if (stage is "deploy_staging" or "deploy_production" or "database_migration") yaml.Append("      - uses: pulumi/actions@v6\n");
            yaml.Append(InstallToolkit);
            yaml.Append(steps[stage]);
            previous = stage;
        }
        return yaml.ToString();
    }

    // The README's install command (scripts/install.sh), from a checkout of the Toolkit repository, onto the job's PATH.
    private const string InstallToolkit =
        "      - name: Check out Toolkit\n        uses: actions/checkout@v4\n        with:\n" +
        "          repository: ${{ vars." + RepositoryVariable + " }}\n          ref: ${{ vars.TOOLKIT_REF || 'main' }}\n          path: .toolkit-src\n" +
        "      - name: Install toolkit (scripts/install.sh, as the README says)\n" +
        "        run: .toolkit-src/scripts/install.sh --tool-path \"$RUNNER_TEMP/toolkit\" && echo \"$RUNNER_TEMP/toolkit\" >> \"$GITHUB_PATH\"\n";

    private static string Run(string name, string command) => $"      - name: {name}\n        run: {command}\n";
}
