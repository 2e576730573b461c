using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using SocialEconomy.Domain;
using SocialEconomy.Domain.Organization;
using SocialEconomy.Domain.Planning;
using SocialEconomy.Web.Features.Shared;

namespace SocialEconomy.Web.Features.PlanStructure;

public enum PartFieldType
{
    Text,
    TextArea,
    Number,
    Select,
    Checkbox,
}

/// <summary>One field of a part's edit form; <see cref="Theirs"/> is the value another user saved meanwhile.</summary>
public sealed record PartField(string Name, string Label, PartFieldType Type, string? Value, IReadOnlyList<Option>? Options = null, string? Hint = null)
{
    public string? Theirs { get; init; }

    public string Key => $"Values[{Name}]";

    public string Id => $"Values_{Name}";

    /// <summary>A value as a person reads it: the option's label rather than its id.</summary>
    public string Show(string? value) => Type switch
    {
        PartFieldType.Checkbox => value == "true" ? "예" : "아니요",
        PartFieldType.Select => Options?.FirstOrDefault(o => o.Value == value)?.Label ?? "(선택 안 함)",
        _ => string.IsNullOrEmpty(value) ? "(비어 있음)" : value,
    };
}

/// <summary>The lists the edit forms choose from.</summary>
public sealed record PartChoices(IReadOnlyList<Department> Departments)
{
    public IReadOnlyList<Option> DepartmentOptions => Departments.Select(d => new Option(d.Id.ToString(Formats.Korean), d.DisplayName)).ToList();

    public static IReadOnlyList<Option> Units { get; } = Unit.All.Select(u => new Option(u.Symbol, u.Symbol)).ToList();

    public static IReadOnlyList<Option> MoneyUnits { get; } = Unit.All.Where(u => u.IsMoney).Select(u => new Option(u.Symbol, u.Symbol)).ToList();

    public static IReadOnlyList<Option> Kinds { get; } = Enum.GetValues<IndicatorKind>().Select(k => new Option(k.ToString(), Formats.Kind(k))).ToList();

    public static IReadOnlyList<Option> Directions { get; } = Enum.GetValues<IndicatorDirection>().Select(d => new Option(d.ToString(), Formats.Direction(d))).ToList();

    public static IReadOnlyList<Option> TotalRules { get; } = Enum.GetValues<TotalRule>().Select(r => new Option(r.ToString(), StructureTreeViewComponent.RuleLabel(r))).ToList();
}

/// <summary>
/// The edit form of each kind of structure part: its fields with the saved values, and how
/// typed values are checked and applied. Every problem goes beside its own field in Korean;
/// a rule the domain refuses goes beside the field it concerns.
/// </summary>
public static class StructurePartForm
{
    public static IReadOnlyList<PartField> Fields(object part, PartChoices choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        return part switch
        {
            StrategicTask t =>
            [
                new("Name", "추진과제명", PartFieldType.Text, t.Name),
                new("ShortName", "약칭", PartFieldType.Text, t.ShortName),
            ],
            SubProject s =>
            [
                new("Code", "세부사업 코드", PartFieldType.Text, s.Code, Hint: "'1-3'처럼 입력합니다. '/'는 쓸 수 없고, 계획 안에서 겹칠 수 없습니다."),
                new("Name", "세부사업명", PartFieldType.Text, s.Name),
                new("LeadDepartmentId", "주관부서", PartFieldType.Select, s.LeadDepartmentId.ToString(Formats.Korean), choices.DepartmentOptions),
            ],
            ActionItem a =>
            [
                new("Name", "단위사업명", PartFieldType.Text, a.Name),
                new("Summary", "사업개요", PartFieldType.TextArea, a.Summary),
                new("StartYear", "시작연도 (선택)", PartFieldType.Number, a.StartYear?.ToString(Formats.Korean), Hint: $"세부사업 기간 {Formats.Period(a.SubProject.Period)} 안. 비워 두면 세부사업 기간을 따릅니다."),
                new("EndYear", "종료연도 (선택)", PartFieldType.Number, a.EndYear?.ToString(Formats.Korean)),
            ],
            Indicator i =>
            [
                new("Name", "지표명", PartFieldType.Text, i.Name),
                new("Group", "구분 (여러 행이 함께 쓰는 머리글, 선택)", PartFieldType.Text, i.Group),
                new("Unit", "단위", PartFieldType.Select, i.Unit.Symbol, PartChoices.Units),
                new("Kind", "지표 유형", PartFieldType.Select, i.Kind.ToString(), PartChoices.Kinds),
                new("TotalRule", "계 산정방식", PartFieldType.Select, i.TotalRule.ToString(), PartChoices.TotalRules),
                new("TotalText", "계 문구 (직접 입력일 때 필수)", PartFieldType.Text, i.TotalText),
                new("Direction", "방향", PartFieldType.Select, i.Direction.ToString(), PartChoices.Directions, "달성률 계산에 씁니다: 상향은 실적 ÷ 목표, 하향은 목표 ÷ 실적."),
            ],
            Milestone m =>
            [
                new("Label", "구분 (선택)", PartFieldType.Text, m.Label),
            ],
            BudgetLine b =>
            [
                new("Name", "예산 항목명", PartFieldType.Text, b.Name),
                new("Unit", "금액 단위", PartFieldType.Select, b.Unit.Symbol, PartChoices.MoneyUnits, "단위를 바꾸면 연도별 금액이 같은 금액이 되도록 환산됩니다."),
                new("IsNonBudget", "비예산", PartFieldType.Checkbox, b.IsNonBudget ? "true" : null),
                new("ActionItemId", "연결 단위사업 (선택)", PartFieldType.Select, b.ActionItemId?.ToString(Formats.Korean), b.SubProject.ActionItems.Select(x => new Option(x.Id.ToString(Formats.Korean), x.Name)).ToList()),
            ],
            _ => throw new ArgumentException($"Not a part of a plan's structure: {part.GetType().Name}", nameof(part)),
        };
    }

    /// <summary>Checks the typed values and, when all are valid, changes the part. Returns whether it changed.</summary>
    public static bool Apply(object part, IReadOnlyDictionary<string, string?> values, PartChoices choices, ModelStateDictionary modelState)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(choices);
        ArgumentNullException.ThrowIfNull(modelState);
        var reader = new Reader(values, modelState);
        Action? change = part switch
        {
            StrategicTask t => reader.Text("Name", "추진과제명", 200, required: true) is var name && reader.Text("ShortName", "약칭", 100) is var shortName && reader.IsValid ? () => t.Rename(name!, shortName) : null,
            SubProject s => SubProjectChange(s, reader, choices),
            ActionItem a => ActionItemChange(a, reader),
            Indicator i => IndicatorChange(i, reader),
            Milestone m => reader.Text("Label", "구분", 200) is var label && reader.IsValid ? () => m.Relabel(label) : null,
            BudgetLine b => BudgetLineChange(b, reader),
            _ => throw new ArgumentException($"Not a part of a plan's structure: {part.GetType().Name}", nameof(part)),
        };
        if (change is null || !reader.IsValid)
        {
            return false;
        }

        try
        {
            change();
            return true;
        }
        catch (DomainException e)
        {
            modelState.AddModelError(FieldOf(part, e.Message), e.Message);
            return false;
        }
    }

    private static Action? SubProjectChange(SubProject s, Reader reader, PartChoices choices)
    {
        // The rule of the domain and the workbook import: the page accepts every code an import can bring.
        var code = reader.Text("Code", "세부사업 코드", SubProjectCode.MaxLength, required: true);
        if (code is { Length: <= SubProjectCode.MaxLength } && SubProjectCode.Refusal(code) is { } refusal)
        {
            reader.Error("Code", refusal);
        }

        var name = reader.Text("Name", "세부사업명", 200, required: true);
        var leadId = reader.Integer("LeadDepartmentId", "주관부서", required: true);
        var lead = choices.Departments.FirstOrDefault(d => d.Id == leadId);
        if (leadId is not null && lead is null)
        {
            reader.Error("LeadDepartmentId", "등록된 부서를 고르세요.");
        }

        return reader.IsValid ? () => s.Edit(code!, name!, lead!) : null;
    }

    private static Action? ActionItemChange(ActionItem a, Reader reader)
    {
        var name = reader.Text("Name", "단위사업명", 200, required: true);
        var summary = reader.Text("Summary", "사업개요", 4000);
        var first = reader.Integer("StartYear", "시작연도");
        var last = reader.Integer("EndYear", "종료연도");
        if (first is null != last is null)
        {
            reader.Error("EndYear", "기간은 시작연도와 종료연도를 함께 입력하거나 모두 비워 두세요.");
        }

        return reader.IsValid ? () => a.Edit(name!, summary, first is { } f && last is { } l ? new YearRange(f, l) : null) : null;
    }

    private static Action? IndicatorChange(Indicator i, Reader reader)
    {
        var name = reader.Text("Name", "지표명", 200, required: true);
        var group = reader.Text("Group", "구분", 200);
        var unit = reader.Choice("Unit", "단위", symbol => Unit.TryParse(symbol, out var u) ? u : null);
        var kind = reader.Choice("Kind", "지표 유형", text => Enum.TryParse<IndicatorKind>(text, out var k) && Enum.IsDefined(k) ? k : (IndicatorKind?)null);
        var rule = reader.Choice("TotalRule", "계 산정방식", text => Enum.TryParse<TotalRule>(text, out var r) && Enum.IsDefined(r) ? r : (TotalRule?)null);
        var totalText = reader.Text("TotalText", "계 문구", TargetValue.TextMaxLength);
        var direction = reader.Choice("Direction", "방향", text => Enum.TryParse<IndicatorDirection>(text, out var d) && Enum.IsDefined(d) ? d : (IndicatorDirection?)null);
        if (rule == TotalRule.Given && totalText is null)
        {
            reader.Error("TotalText", "계 산정방식이 '직접 입력'이면 계 문구를 입력하세요.");
        }

        return reader.IsValid
            ? () =>
            {
                i.Redefine(name!, group, unit!, kind!.Value, rule!.Value, totalText);
                i.SetDirection(direction!.Value);
            }
        : null;
    }

    private static Action? BudgetLineChange(BudgetLine b, Reader reader)
    {
        var name = reader.Text("Name", "예산 항목명", 200, required: true);
        var unit = reader.Choice("Unit", "금액 단위", symbol => Unit.TryParse(symbol, out var u) && u.IsMoney ? u : null);
        var nonBudget = reader.Raw("IsNonBudget") == "true";
        var itemId = reader.Integer("ActionItemId", "연결 단위사업");
        var funded = itemId is { } id ? b.SubProject.ActionItems.FirstOrDefault(a => a.Id == id) : null;
        if (itemId is not null && funded is null)
        {
            reader.Error("ActionItemId", "이 세부사업의 단위사업을 고르세요.");
        }

        return reader.IsValid ? () => b.Edit(name!, unit!, funded, nonBudget) : null;
    }

    /// <summary>Which field a domain refusal belongs beside, by what it is about.</summary>
    private static string FieldOf(object part, string message)
    {
        var name = part switch
        {
            SubProject when message.Contains("코드", StringComparison.Ordinal) => "Code",
            SubProject => "LeadDepartmentId",
            ActionItem => "EndYear",
            Indicator when message.Contains("계 ", StringComparison.Ordinal) => "TotalText",
            Indicator when message.Contains("단위", StringComparison.Ordinal) => "Unit",
            Indicator => "Kind",
            BudgetLine when message.Contains("비예산", StringComparison.Ordinal) => "IsNonBudget",
            BudgetLine => "Name",
            _ => "Name",
        };
        return $"Values[{name}]";
    }

    /// <summary>Reads typed values, recording a Korean error per field.</summary>
    private sealed class Reader(IReadOnlyDictionary<string, string?> values, ModelStateDictionary modelState)
    {
        public bool IsValid { get; private set; } = true;

        public string? Raw(string name) => values.TryGetValue(name, out var value) ? value : null;

        public void Error(string name, string message)
        {
            modelState.AddModelError($"Values[{name}]", message);
            IsValid = false;
        }

        public string? Text(string name, string label, int maxLength, bool required = false)
        {
            var value = Raw(name)?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                if (required)
                {
                    Error(name, $"{label}을(를) 입력하세요.");
                }

                return null;
            }

            if (value.Length > maxLength)
            {
                Error(name, $"{label}은(는) {maxLength}자 이내로 입력하세요.");
            }

            return value;
        }

        public int? Integer(string name, string label, bool required = false)
        {
            var value = Raw(name)?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                if (required)
                {
                    Error(name, $"{label}을(를) 고르세요.");
                }

                return null;
            }

            if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                Error(name, $"{label}은(는) 숫자로 입력하세요.");
                return null;
            }

            return number;
        }

        public T? Choice<T>(string name, string label, Func<string, T?> parse)
        {
            var value = Raw(name)?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                Error(name, $"{label}을(를) 고르세요.");
                return default;
            }

            var parsed = parse(value);
            if (parsed is null)
            {
                Error(name, $"목록에 있는 {label}을(를) 고르세요.");
            }

            return parsed;
        }
    }
}
