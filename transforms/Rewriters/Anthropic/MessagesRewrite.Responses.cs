using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Toolkit.Transforms.Rewriters.Anthropic;

internal sealed partial class MessagesRewrite
{
    private static readonly Dictionary<string, string> StopReasons = new(StringComparer.Ordinal)
    {
        ["EndTurn"] = "Stop", ["StopSequence"] = "Stop", ["MaxTokens"] = "Length", ["ToolUse"] = "ToolCalls", ["Refusal"] = "ContentFilter",
    };

    // Names a text-only reading of Message.Content may use.
    private static readonly HashSet<string> TextReading = [Messages + "Message.Content", Messages + "ContentBlock.Value", Messages + "TextBlock", Messages + "TextBlock.Text", Messages + "ContentBlock.TryPickText"];

    private void PlanResponses()
    {
        foreach (var access in _root.DescendantNodes().OfType<MemberAccessExpressionSyntax>())
        {
            if (access.Name.Identifier.ValueText is not ("Content" or "Usage" or "StopReason" or "ID" or "Dispose")) continue; // cheap filter
            // client.Dispose(): IChatClient is disposable too.
            if (access.Name.Identifier.ValueText == "Dispose" && model.GetSymbolInfo(access.Name).Symbol is IMethodSymbol { ContainingType: var disposed } && Types.ContainsKey(FullName(disposed)))
            {
                Replace(access, () => $"{RenderNode(access.Expression)}.Dispose", access.Expression);
                continue;
            }
            if (model.GetSymbolInfo(access.Name).Symbol is not IPropertySymbol { ContainingType: var owner } property || FullName(owner) != Messages + "Message") continue;
            var response = access.Expression;
            switch (property.Name)
            {
                case "Content" when TextJoin(access) is { } join:
                    Replace(join, () => $"{RenderNode(response)}.Text", response);
                    break;
                case "Usage" when access.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "InputTokens" or "OutputTokens" } count && count.Expression == access:
                    var counter = count.Name.Identifier.ValueText == "InputTokens" ? "InputTokenCount" : "OutputTokenCount";
                    Replace(count, () => $"({RenderNode(response)}.Usage?.{counter} ?? 0)", response);
                    break;
                case "Usage" when access.Parent is ConditionalAccessExpressionSyntax { WhenNotNull: MemberBindingExpressionSyntax { Name.Identifier.ValueText: "InputTokens" or "OutputTokens" } binding } conditional
                    && conditional.Expression == access:
                    var bound = binding.Name.Identifier.ValueText == "InputTokens" ? "InputTokenCount" : "OutputTokenCount";
                    Replace(conditional, () => $"{RenderNode(response)}.Usage?.{bound}", response);
                    break;
                case "StopReason" when access.Parent is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.EqualsExpression or (int)SyntaxKind.NotEqualsExpression } comparison
                    && (comparison.Left == access ? comparison.Right : comparison.Left) is var other
                    && model.GetSymbolInfo(other).Symbol is IFieldSymbol { ContainingType: var reasons } reason && FullName(reasons) == Messages + "StopReason"
                    && StopReasons.TryGetValue(reason.Name, out var finish):
                    if (reason.Name is "StopSequence" or "Refusal")
                        Notes.Add((LineOf(comparison), $"StopReason.{reason.Name} became ChatFinishReason.{finish}, which other endings share: check this branch."));
                    Replace(other, () => $"ChatFinishReason.{finish}");
                    Replace(access, () => $"{RenderNode(response)}.FinishReason", response);
                    break;
                case "ID":
                    Replace(access, () => $"{RenderNode(response)}.ResponseId", response);
                    break;
            }
        }
    }

    // string.Join("", response.Content.Select(b => b.Value).OfType<TextBlock>().Select(b => b.Text)), string.Concat(...): all the text.
    private InvocationExpressionSyntax? TextJoin(MemberAccessExpressionSyntax content)
    {
        SyntaxNode top = content;
        while (top.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Select" or "OfType" or "Where" or "Cast" } step && step.Expression == top && step.Parent is InvocationExpressionSyntax call)
            top = call;
        if (top == content || top.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax list } argument || list.Parent is not InvocationExpressionSyntax join) return null;
        if (model.GetSymbolInfo(join).Symbol is not IMethodSymbol { ContainingType.SpecialType: SpecialType.System_String, Name: "Join" or "Concat" } method) return null;
        if (method.Name == "Join" && (list.Arguments.Count != 2 || list.Arguments[1] != argument || model.GetConstantValue(list.Arguments[0].Expression) is not { HasValue: true, Value: "" })) return null;
        if (method.Name == "Concat" && list.Arguments.Count != 1) return null;
        // Only text blocks are read, and the last step yields their text.
        var names = top.DescendantNodes().OfType<SimpleNameSyntax>().Where(n => !content.Expression.Span.Contains(n.Span))
            .Select(n => model.GetSymbolInfo(n).Symbol).Where(s => s is not null && IsAnthropic(s)).Select(s => s is ITypeSymbol t ? FullName(t) : $"{FullName(s!.ContainingType)}.{s.Name}").ToList();
        if (names.Any(n => !TextReading.Contains(n)) || !names.Contains(Messages + "TextBlock.Text")) return null;
        return model.GetTypeInfo(top).Type is INamedTypeSymbol { TypeArguments: [{ SpecialType: SpecialType.System_String }] } ? join : null;
    }

    // await foreach (var e in client.Messages.CreateStreaming(p)) { if (e.TryPickContentBlockDelta(out var d) && d.Delta.TryPickText(out var t)) Write(t.Text); }
    //   -> if (!string.IsNullOrEmpty(e.Text)) Write(e.Text);
    private void PlanStreaming()
    {
        foreach (var both in _root.DescendantNodes().OfType<BinaryExpressionSyntax>().Where(b => b.IsKind(SyntaxKind.LogicalAndExpression)))
        {
            if (both.Left is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "TryPickContentBlockDelta", Expression: var update }, ArgumentList.Arguments: [{ Expression: DeclarationExpressionSyntax { Designation: SingleVariableDesignationSyntax deltaName } }] } left
                || both.Right is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "TryPickText", Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Delta", Expression: IdentifierNameSyntax deltaUse } }, ArgumentList.Arguments: [{ Expression: DeclarationExpressionSyntax { Designation: SingleVariableDesignationSyntax textName } }] }
                || deltaUse.Identifier.ValueText != deltaName.Identifier.ValueText
                || !IsType(update, Messages + "RawMessageStreamEvent")
                || model.GetDeclaredSymbol(textName) is not ILocalSymbol text || model.GetDeclaredSymbol(deltaName) is not ILocalSymbol delta) continue;
            var scope = both.Ancestors().OfType<StatementSyntax>().First();
            var textUses = scope.DescendantNodes().OfType<IdentifierNameSyntax>().Where(i => SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(i).Symbol, text)).ToList();
            var deltaUses = scope.DescendantNodes().OfType<IdentifierNameSyntax>().Count(i => SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(i).Symbol, delta));
            if (deltaUses != 1 || textUses.Any(u => u.Parent is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Text" } read || read.Expression != u)) continue; // coverage reports what is left
            Replace(both, () => $"!string.IsNullOrEmpty({RenderNode(update)}.Text)", update);
            foreach (var use in textUses) Replace(use.Parent!, () => $"{RenderNode(update)}.Text");
        }
    }
}
