#!/usr/bin/env bash
# Runs the swap corpus (docs/corpus/*-apps.tsv) on the current code: for each row, the commit's whole repository
# is checked out of its fetched mirror into a fresh temp dir with its own git repository, the sites are counted,
# and the real CLI (built once) runs `migrate plan --json`, `migrate apply` and `migrate rollback`; the working
# tree is hashed before the apply and after the rollback. Rows run one at a time (the apply's build is heavy).
#
#   scripts/corpus.sh [--mirrors DIR] [--out DIR] [--rows 1,4-6] [--no-build] [--no-apply] [--keep] [--compare RUNS.tsv] [APPS.tsv]
#
#   APPS.tsv    repo, commit, folder, swap, prepare (default docs/corpus/ai-apps.tsv); see docs/migrations.md.
#   --mirrors   where `fetch` put the mirrors, OWNER+NAME/repo (default /work/.mirror).
#   --out       output directory (default /tmp/corpus-out/NAME-UTCTIME): runs.tsv (the format of
#               docs/corpus/*-runs.tsv), details.tsv, compare.tsv and, per row NN, NN.plan.json, NN.diff,
#               NN.manual.txt, NN.sites.txt (each site: ported / manual step / left), NN.apply.json, NN.log.
#   --rows      only these rows (1-based, as in the runs TSV).
#   --no-build  use the CLI already built at cli/bin/Release/net10.0/toolkit.dll.
#   --keep      keep each row's checkout (printed) instead of deleting it.
#   --no-apply  plan only (sites, plan figures, diffs); no apply, no rollback.
#   --compare   the previous results to compare with (default: APPS.tsv with -apps replaced by -runs, if present).
#
# The prepare column holds actions separated by ';', each optionally followed by '# why':
#   without PATH[,PATH...]           leave these paths out of the checkout (blobs a snapshot lacks are
#                                    always left out, and named in the log: git archive would stop at the first)
#   drop-lines FILE NAME[,NAME...]   without FILE's lines that hold the element <NAME>
#   set FILE NAME VALUE              the element <NAME> of FILE set to VALUE (a TargetFramework)
#   version FILE PACKAGE VERSION     the PackageReference to PACKAGE in FILE set to VERSION (one this machine serves)
# The last three edit the checkout before the run, in one commit "prepare to build here" (FILE relative to the
# repository root); an edit that changes nothing stops the run with the row named.
# The "wrong" column is written as "review": a person fills it after reading NN.diff.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
mirrors=/work/.mirror out="" rows="" build=1 keep=0 apply=1 compare="" apps="$root/docs/corpus/ai-apps.tsv"
while [ $# -gt 0 ]; do
  case "$1" in
    --mirrors) mirrors="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --rows) rows="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    --keep) keep=1; shift ;;
    --no-apply) apply=0; shift ;;
    --compare) compare="$2"; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "corpus: unknown option $1 (see --help)" >&2; exit 2 ;;
    *) apps="$1"; shift ;;
  esac
done
for tool in git dotnet jq perl sha256sum; do
  command -v "$tool" >/dev/null || { echo "corpus: $tool is not installed (needed to run the corpus)" >&2; exit 2; }
done
[ -f "$apps" ] || { echo "corpus: no corpus file $apps" >&2; exit 2; }
header="$(head -n 1 "$apps")"
[ "$header" = "$(printf 'repo\tcommit\tfolder\tswap\tprepare')" ] \
  || { echo "corpus: $apps:1: the header must be repo, commit, folder, swap, prepare (tab-separated), not '$header'" >&2; exit 2; }
if [ -z "$compare" ]; then candidate="${apps/-apps/-runs}"; [ "$candidate" != "$apps" ] && [ -f "$candidate" ] && compare="$candidate"; fi
name="$(basename "$apps" .tsv)"
out="${out:-/tmp/corpus-out/$name-$(date -u +%Y%m%dT%H%M%SZ)}"
mkdir -p "$out"

# Which rows to run.
selected() { # $1 = row number
  [ -z "$rows" ] && return 0
  local part; IFS=, read -ra parts <<<"$rows"
  for part in "${parts[@]}"; do
    if [[ "$part" == *-* ]]; then [ "$1" -ge "${part%-*}" ] && [ "$1" -le "${part#*-}" ] && return 0
    elif [ "$1" -eq "$part" ]; then return 0; fi
  done
  return 1
}

# Read the corpus and check every mirror first: nothing runs when one is missing.
declare -a R_REPO R_COMMIT R_FOLDER R_SWAP R_PREPARE
n=0 bad=0 lineno=1
while IFS=$'\t' read -r repo commit folder swap prepare || [ -n "$repo" ]; do
  lineno=$((lineno + 1))
  [ -z "$repo" ] && continue
  n=$((n + 1))
  R_REPO[$n]="$repo" R_COMMIT[$n]="$commit" R_FOLDER[$n]="$folder" R_SWAP[$n]="$swap" R_PREPARE[$n]="${prepare:-}"
  selected "$n" || continue
  [[ "$repo" =~ ^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$ ]] || { echo "corpus: $apps:$lineno: repo '$repo' is not OWNER/NAME" >&2; bad=1; continue; }
  [[ "$commit" =~ ^[0-9a-f]{40}$ ]] || { echo "corpus: $apps:$lineno: commit '$commit' is not a full 40-digit commit id" >&2; bad=1; continue; }
  git_dir="$mirrors/${repo/\//+}/repo"
  if [ ! -d "$git_dir" ]; then
    echo "corpus: $apps:$lineno: no mirror of $repo at $git_dir: run the fetch tool with github:$repo first" >&2; bad=1
  elif ! git --git-dir="$git_dir" cat-file -e "$commit^{commit}" 2>/dev/null; then
    echo "corpus: $apps:$lineno: the mirror $git_dir has no commit $commit: run fetch with github:$repo again (its snapshot may be older)" >&2; bad=1
  fi
done < <(tail -n +2 "$apps")
[ "$bad" -eq 0 ] || exit 2

dll="$root/cli/bin/Release/net10.0/toolkit.dll"
if [ "$build" -eq 1 ]; then
  echo "corpus: dotnet build cli -c Release (once)"
  dotnet build "$root/cli" -c Release -nologo -v quiet >"$out/cli-build.log" 2>&1 \
    || { echo "corpus: the CLI did not build; see $out/cli-build.log" >&2; tail -n 20 "$out/cli-build.log" >&2; exit 1; }
fi
[ -f "$dll" ] || { echo "corpus: no CLI at $dll (run without --no-build)" >&2; exit 2; }
measured="$(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet HEAD -- cli transforms migrations 2>/dev/null || echo '+uncommitted')"
echo "corpus: $apps, $n rows, CLI at $measured, output in $out"

# Sites: the places the swap must change, per the source side of the swap (docs/migrations.md, "Corpus").
# A site is a call of the provider's API in a file that uses it (a `using` of its namespaces): member calls
# (`client.CompleteChat(`), so an app's own method of the same name (its declaration, calls of it) is not one.
site_pattern() {
  case "$1" in
    ai:openai=*|ai:azure-openai=*) echo '\.\s*CompleteChat\w*\s*\(|\.\s*GetChatClient\s*\((?=\s*[^\s)])|\bnew\s+ChatClient\s*\(|\bChatClient\s+\w+\s*(?:\([^()]*\)\s*=>|=)\s*new\s*\(' ;;
    ai:anthropic=*) echo '\.\s*Messages\s*\.\s*Create\w*\s*\(|\bnew\s+AnthropicClient\b' ;;
    storage:s3=*) echo '\bnew\s+(AmazonS3Client|TransferUtility|PutObjectRequest|UploadPartRequest|TransferUtilityUploadRequest)\b|\b(AmazonS3Client|TransferUtility|PutObjectRequest|UploadPartRequest|TransferUtilityUploadRequest)\s+\w+\s*=\s*new\s*\(|\.\s*AddAWSService\s*<\s*IAmazonS3\s*>|\.\s*Add(Singleton|Scoped|Transient)\s*<\s*IAmazonS3\b|\.\s*GetPreSignedURL\w*\s*\(|\.\s*DoesS3BucketExist\w*\s*\(|\.\s*(Put|Get|Delete)(Object|Bucket)?(Acl|ACL|Tagging|Policy|Versioning)Async\s*\(|\bCannedACL\s*=|\bTagSet\s*=|\bGrants\s*=' ;;
    *) return 1 ;;
  esac
}
uses_pattern() {
  case "$1" in
    ai:openai=*|ai:azure-openai=*) echo '\busing\s+(?:static\s+)?(?:\w+\s*=\s*)?(?:OpenAI|Azure\.AI\.OpenAI)\b|\bOpenAI\.Chat\.' ;;
    ai:anthropic=*) echo '\busing\s+(?:static\s+)?(?:\w+\s*=\s*)?Anthropic\b|\bAnthropic\.Models\.' ;;
    storage:s3=*) echo '\busing\s+(?:static\s+)?(?:\w+\s*=\s*)?Amazon\b|\bAmazon\.S3\.' ;;
  esac
}

# The perl helpers: sites of a folder's C# (comments blanked, line numbers kept), and each site's status from the
# plan's diff (a changed line, or lines inserted, inside the site's expression) and manual steps.
read -r -d '' SITES_PL <<'PERL' || true
use strict; use warnings;
my ($pattern, $uses, @files) = @ARGV;
for my $file (@files) {
  open my $fh, '<', $file or die "$file: $!"; local $/; my $text = <$fh>; close $fh;
  next unless $text =~ /$uses/;
  $text =~ s{("""[\s\S]*?"""|@"(?:[^"]|"")*"|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')|(//[^\n]*|/\*[\s\S]*?\*/)}
            {defined $1 ? $1 : do { (my $c = $2) =~ s/[^\n]/ /g; $c }}ge;
  while ($text =~ /($pattern)/g) {
    my ($start, $match) = ($-[0], $1);
    my $line = 1 + (substr($text, 0, $start) =~ tr/\n//);
    my ($depth, $i, $len) = (0, $start, length $text);
    for (; $i < $len; $i++) {
      my $ch = substr($text, $i, 1);
      # The expression ends where its brackets close: after a call's ')' (a creation may go on with '{' for its
      # initializer; a method definition's body is not part of it), after an initializer's '}', or at ';' or ','.
      if ($ch =~ /[(\[{]/) { $depth++ }
      elsif ($ch =~ /[)\]}]/) { $depth--; last if $depth < 0; last if $depth == 0 && ($ch eq '}' || !($match =~ /^new\b|=\s*new/ && substr($text, $i + 1) =~ /^\s*\{/)) }
      elsif ($depth == 0 && $ch =~ /[;,]/) { last }
    }
    my $end = 1 + (substr($text, 0, $i) =~ tr/\n//);
    (my $shown = $match) =~ s/\s+/ /g;
    print join("\t", $file, $line, $end, $shown), "\n";
  }
}
PERL
read -r -d '' STATUS_PL <<'PERL' || true
use strict; use warnings;
# ARGV: sites file (path, line, end, match), diff file, manual steps file (path \t line \t reason).
my ($sites, $diff, $manual) = @ARGV;
my (%removed, %inserted, %stepped, $ported_app);
open my $d, '<', $diff or die; my ($file, $old);
while (<$d>) {
  if (/^--- (?:a\/(.*)|\/dev\/null)$/) { $file = $1; $ported_app = 1 if defined $file && $file =~ /\.cs$/; next }
  if (/^\+\+\+ (?:b\/(.*)|\/dev\/null)$/) { $file //= $1; next }
  if (/^@@ -(\d+)(?:,\d+)? \+\d+(?:,\d+)? @@/) { $old = $1; next }
  next unless defined $file && defined $old;
  if (/^-/) { $removed{$file}{$old++} = 1 } elsif (/^\+/) { $inserted{$file}{$old - 1} = 1 } elsif (/^ /) { $old++ }
}
close $d;
open my $m, '<', $manual or die;
while (<$m>) { chomp; my ($p, $l) = split /\t/; $stepped{$p}{$l} = 1 if defined $l }
close $m;
open my $s, '<', $sites or die;
while (<$s>) {
  chomp; my ($p, $l, $e, $what) = split /\t/;
  # A site whose lines the plan leaves alone in an app whose C# it ports is listed apart, for review: it may need no
  # change (a TransferUtility following its client) or be a half-migration.
  my $status = $ported_app ? 'unchanged (the plan ports the app; no step at its lines)' : 'left (not ported, no step at its lines)';
  for my $k ($l .. $e) { if ($removed{$p}{$k} || ($k < $e && $inserted{$p}{$k}) || ($l == $e && $inserted{$p}{$k})) { $status = 'ported'; last } }
  if ($status ne 'ported') { for my $k ($l .. $e) { if ($stepped{$p}{$k}) { $status = 'manual step'; last } } }
  print join("\t", $status, "$p:$l", $what), "\n";
}
PERL

hash_tree() { git ls-files -co --exclude-standard -z | sort -z | xargs -0 -r sha256sum; }
commit_all() { git -c core.safecrlf=false add -f -A && git -c user.name=corpus -c user.email=corpus@localhost -c commit.gpgsign=false \
  commit -q --allow-empty -m "$1" --date="2000-01-01T00:00:00Z"; }

printf 'run\trepo\tfolder\tswap\tsites\tmigrated\tmanual\twrong\tbuild\trollback\n' >"$out/runs.tsv"
printf 'run\tfile changes\tsites ported\tsites unchanged in a ported app\tsites with a manual step\tsites left\tleft out of the checkout\tplan id\tseconds\n' >"$out/details.tsv"
printf 'run\trepo\tfolder\tswap\told (sites/migrated/manual/build/rollback)\tnew\tsame\n' >"$out/compare.tsv"
export GIT_AUTHOR_DATE="2000-01-01T00:00:00Z" GIT_COMMITTER_DATE="2000-01-01T00:00:00Z"
total=0 total_sites=0 total_migrated=0
for i in $(seq 1 "$n"); do
  selected "$i" || continue
  repo="${R_REPO[$i]}" commit="${R_COMMIT[$i]}" folder="${R_FOLDER[$i]}" swap="${R_SWAP[$i]}" prepare="${R_PREPARE[$i]}"
  nn="$(printf '%02d' "$i")" log="$out/$nn.log" started=$SECONDS
  git_dir="$mirrors/${repo/\//+}/repo"
  tmp="$(mktemp -d /tmp/corpus-run.XXXXXX)" work="$tmp/repo"
  echo "[$i/$n] $repo @${commit:0:7} $folder $swap"
  pattern="$(site_pattern "$swap")" || { echo "corpus: row $i: no site definition for the swap $swap" >&2; exit 2; }

  # The commit's tree, without what the row or the snapshot leaves out.
  export GIT_INDEX_FILE="$tmp/index"
  git --git-dir="$git_dir" read-tree "$commit"
  leave_out="$(git --git-dir="$git_dir" ls-files -s | awk '$1 != "160000" {print $2}' | git --git-dir="$git_dir" cat-file --batch-check='%(objectname) %(objecttype)' \
    | paste - <(git -c core.quotePath=false --git-dir="$git_dir" ls-files -s | awk '$1 != "160000"' | cut -f2) | awk -F'\t' '$1 ~ / missing$/ {print $2}')"
  edits=()
  IFS=';' read -ra actions <<<"$prepare"
  for action in "${actions[@]}"; do
    action="${action%%#*}"; action="$(echo "$action" | sed 's/^ *//; s/ *$//')"
    [ -z "$action" ] && continue
    case "$action" in
      without\ *) leave_out="$(printf '%s\n%s' "$leave_out" "$(echo "${action#without }" | tr ',' '\n')")" ;;
      drop-lines\ *|set\ *|version\ *) edits+=("$action") ;;
      *) echo "corpus: $apps: row $i: prepare action '$action' is not one of: without PATH, drop-lines FILE NAME, set FILE NAME VALUE, version FILE PACKAGE VERSION" >&2; exit 2 ;;
    esac
  done
  leave_out="$(echo "$leave_out" | sed '/^$/d' | sort -u)"
  if [ -n "$leave_out" ]; then
    echo "$leave_out" | while read -r p; do git --git-dir="$git_dir" rm --cached -q --ignore-unmatch -- "$p"; done
    echo "  left out of the checkout: $(echo "$leave_out" | head -n 5 | paste -sd, -)$([ "$(echo "$leave_out" | wc -l)" -gt 5 ] && echo " and $(( $(echo "$leave_out" | wc -l) - 5 )) more")"
  fi
  mkdir -p "$work"
  git --git-dir="$git_dir" checkout-index -a -f --prefix="$work/" \
    || { echo "corpus: $apps: row $i: $repo @$commit did not check out (see the error above); add the path to the row's prepare as 'without PATH'" >&2; exit 1; }
  unset GIT_INDEX_FILE
  cd "$work"
  git init -q && commit_all "$repo at $commit"
  if [ "${#edits[@]}" -gt 0 ]; then
    for edit in "${edits[@]}"; do
      read -r verb file a b <<<"$edit"
      [ -f "$file" ] || { echo "corpus: $apps: row $i: $verb: no file $file in $repo @$commit" >&2; exit 2; }
      cp "$file" "$tmp/edited"
      case "$verb" in
        drop-lines) for element in ${a//,/ }; do E="$element" perl -i -ne 'print unless /<\Q$ENV{E}\E>/' "$file"; done ;;
        set) E="$a" V="$b" perl -i -pe 's{<\Q$ENV{E}\E>[^<]*</\Q$ENV{E}\E>}{<$ENV{E}>$ENV{V}</$ENV{E}>}g' "$file" ;;
        version) P="$a" V="$b" perl -i -pe 's{(<PackageReference\s+Include="\Q$ENV{P}\E"\s+Version=")[^"]*"}{$1$ENV{V}"}gi' "$file" ;;
      esac
      ! cmp -s "$file" "$tmp/edited" || { echo "corpus: $apps: row $i: prepare '$edit' changes nothing in $file" >&2; exit 2; }
    done
    commit_all "prepare to build here: $(printf '%s; ' "${edits[@]}" | sed 's/; $//')"
    echo "  prepared: $(printf '%s; ' "${edits[@]}" | sed 's/; $//')"
  fi
  [ -d "$work/$folder" ] || { echo "corpus: $apps: row $i: no folder $folder in $repo @$commit" >&2; exit 2; }
  hash_tree >"$tmp/before.sha"

  # Sites, in repository-relative paths.
  prefix="${folder#./}"; [ "$prefix" = "." ] && prefix="" || prefix="${prefix%/}/"
  mapfile -d '' cs < <(find "./$prefix" \( -name bin -o -name obj -o -name .git \) -prune -o -name '*.cs' -type f -print0 | sort -z)
  if [ "${#cs[@]}" -gt 0 ]; then perl -e "$SITES_PL" "$pattern" "$(uses_pattern "$swap")" "${cs[@]}" | sed 's#^\./##' >"$tmp/sites"; else : >"$tmp/sites"; fi
  sites="$(wc -l <"$tmp/sites")"

  # Plan.
  plan="$out/$nn.plan.json"
  if ! dotnet "$dll" migrate plan --swap "$swap" --path "$work/$folder" --out "$plan" --json >/dev/null 2>"$log"; then
    reason="$(grep -m1 . "$log" || true)"
    echo "  plan failed: $reason"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$i" "$repo" "$folder" "$swap" "$sites" 0 0 review "plan failed: $reason" "n/a" >>"$out/runs.tsv"
    cd /; [ "$keep" -eq 1 ] || rm -rf "$tmp"; continue
  fi
  jq -r '.fileChanges[].diff // empty' "$plan" >"$out/$nn.diff"
  jq -r --arg prefix "$prefix" '.manualSteps[] | [($prefix + .path), (.line // 0 | tostring), .reason] | @tsv' "$plan" \
    | perl -pe '1 while s#(^|/)(?!\.\./)[^/\t]+/\.\./#$1#' >"$out/$nn.manual.txt"
  changes="$(jq '.fileChanges | length' "$plan")" manual="$(jq '.manualSteps | length' "$plan")" plan_id="$(jq -r .id "$plan")"
  perl -e "$STATUS_PL" "$tmp/sites" "$out/$nn.diff" "$out/$nn.manual.txt" >"$out/$nn.sites.txt"
  ported="$(grep -c '^ported' "$out/$nn.sites.txt" || true)"
  unchanged="$(grep -c '^unchanged' "$out/$nn.sites.txt" || true)"
  migrated="$ported" # an unchanged site is listed for review, not counted
  stepped="$(grep -c '^manual step' "$out/$nn.sites.txt" || true)"
  left="$(grep -c '^left' "$out/$nn.sites.txt" || true)"

  # Apply (with its validation build) and rollback.
  if [ "$changes" -eq 0 ]; then
    result="n/a (nothing changed)" identical="n/a"
  elif [ "$apply" -eq 0 ]; then
    result="not applied (--no-apply)" identical="n/a"
  else
    dotnet "$dll" migrate apply "$plan" --json >"$out/$nn.apply.json" 2>>"$log" || true
    if jq -e '.validation.passed == true' "$out/$nn.apply.json" >/dev/null 2>&1; then
      result="passed"
      dotnet "$dll" migrate rollback "$plan" --json >"$out/$nn.rollback.json" 2>>"$log" || echo "  rollback failed (see $log)"
    elif jq -e '.validation' "$out/$nn.apply.json" >/dev/null 2>&1; then
      first="$(jq -r '[.validation.errors[]? | tostring] | first // empty' "$out/$nn.apply.json" | sed -E "s#$work/##g; s/^.*error ([A-Z]+[0-9]+): /\1 /; s/ \[[^]]*\]\$//; s/ No packages exist with this id in source.*$//" | cut -c1-140)"
      result="failed: $(jq -r '.validation.summary' "$out/$nn.apply.json")${first:+ ($first)}, rolled back by itself (MIG046)"
    else
      result="apply refused: $(grep -m1 . "$log" || echo 'no output')"
    fi
    hash_tree >"$tmp/after.sha"
    if cmp -s "$tmp/before.sha" "$tmp/after.sha"; then identical=yes
    else identical=no; diff "$tmp/before.sha" "$tmp/after.sha" >"$out/$nn.hash.diff" || true; fi
  fi
  cd /
  files="$(wc -l <"$tmp/before.sha")"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$i" "$repo" "$folder" "$swap" "$sites" "$migrated" "$manual" review "$result" "$identical" >>"$out/runs.tsv"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$i" "$changes" "$ported" "$unchanged" "$stepped" "$left" "$(echo "$leave_out" | paste -sd, -)" "$plan_id" "$((SECONDS - started))" >>"$out/details.tsv"
  echo "  sites $sites: $ported ported, $unchanged unchanged in the ported app, $stepped with a manual step, $left left; plan: $changes file changes, $manual manual steps; apply: $result; rollback identical: $identical ($files files, $((SECONDS - started)) s)"
  [ "$unchanged" -gt 0 ] && echo "  review: $unchanged site(s) the ported app leaves as they are, see $out/$nn.sites.txt"
  if [ -n "$compare" ]; then
    old="$(awk -F'\t' -v r="$i" '$1 == r {print $2 "\t" $3 "\t" $4 "\t" $5 "/" $6 "/" $7 "/" $9 "/" $10}' "$compare")"
    new="$sites/$migrated/$manual/$result/$identical"
    if [ -z "$old" ]; then printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$i" "$repo" "$folder" "$swap" "(none)" "$new" new >>"$out/compare.tsv"
    else
      IFS=$'\t' read -r orepo ofolder oswap ofigures <<<"$old"
      [ "$orepo/$ofolder/$oswap" = "$repo/$folder/$swap" ] || echo "  WARNING: row $i of $compare is $orepo $ofolder $oswap, not this run"
      same=no; [ "${ofigures%%/*}" = "$sites" ] && o="${ofigures#*/}" && [ "${o%%/*}" = "$migrated" ] && o="${o#*/}" && [ "${o%%/*}" = "$manual" ] && same=figures
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$i" "$repo" "$folder" "$swap" "$ofigures" "$new" "$same" >>"$out/compare.tsv"
      [ "$same" = figures ] || echo "  changed since $compare: was $ofigures"
    fi
  fi
  total=$((total + 1)) total_sites=$((total_sites + sites)) total_migrated=$((total_migrated + migrated))
  if [ "$keep" -eq 1 ]; then echo "  kept: $work"; else rm -rf "$tmp"; fi
done
pct=0; [ "$total_sites" -gt 0 ] && pct=$((100 * total_migrated / total_sites))
echo "corpus: $total runs at $measured: $total_migrated of $total_sites sites migrated ($pct%); results in $out/runs.tsv, comparison in $out/compare.tsv"
