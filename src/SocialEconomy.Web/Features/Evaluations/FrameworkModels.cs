using System.ComponentModel.DataAnnotations;
using SocialEconomy.Domain.Evaluation;

namespace SocialEconomy.Web.Features.Evaluations;

/// <summary>One item as typed on the framework page; the field checks mirror EvaluationItem's rules.</summary>
public sealed class ItemEditModel
{
    [Required(ErrorMessage = "단계·분야를 입력하세요.")]
    [StringLength(EvaluationItem.LabelMaxLength, ErrorMessage = "단계·분야는 100자 이내로 입력하세요.")]
    public string? Area { get; set; }

    [Required(ErrorMessage = "평가항목을 입력하세요.")]
    [StringLength(EvaluationItem.LabelMaxLength, ErrorMessage = "평가항목은 100자 이내로 입력하세요.")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "평가지표를 입력하세요.")]
    [StringLength(EvaluationItem.LabelMaxLength, ErrorMessage = "평가지표는 100자 이내로 입력하세요.")]
    public string? Indicator { get; set; }

    [StringLength(EvaluationItem.CriteriaMaxLength, ErrorMessage = "세부지표·배점기준은 500자 이내로 입력하세요.")]
    public string? Criteria { get; set; }

    [Required(ErrorMessage = "배점을 입력하세요. 예: 10")]
    public string? MaxPoints { get; set; }

    public bool IsBonus { get; set; }

    public ItemRole Role { get; set; }

    [StringLength(50, ErrorMessage = "비교 주제는 50자 이내로 입력하세요.")]
    public string? Topic { get; set; }

    public Guid Version { get; set; }

    public static ItemEditModel From(EvaluationItem item, Guid version) => new()
    {
        Area = item.Area,
        Name = item.Name,
        Indicator = item.Indicator,
        Criteria = item.Criteria,
        MaxPoints = Shared.Formats.PointsInput(item.MaxPoints),
        IsBonus = item.IsBonus,
        Role = item.Role,
        Topic = item.Topic,
        Version = version,
    };
}

/// <summary>The 목표의 달성도 bands as typed: up to eight rows of (하한 %, 점수); blank rows are ignored.</summary>
public sealed class BandsEditModel
{
    public const int Rows = 8;

    public List<string?> MinRates { get; set; } = [];

    public List<string?> Points { get; set; } = [];

    public Guid Version { get; set; }
}

public sealed record ItemRow(EvaluationItem Item, ItemEditModel Form);

public sealed record FrameworkViewModel(
    int Id,
    string Title,
    string Kind,
    bool IsDefault,
    bool IsFrozen,
    int? CycleId,
    int? CycleYear,
    string Points,
    Guid Version,
    IReadOnlyList<ItemRow> Items,
    ItemEditModel NewItem,
    IReadOnlyList<(string MinRate, string Points)> Bands,
    bool HasAchievementItem,
    int? EditedItemId);
