using System.ComponentModel.DataAnnotations;
using SocialEconomy.Domain.Evaluation;
using SocialEconomy.Domain.Planning;
using SocialEconomy.Web.Features.PlanStructure;

namespace SocialEconomy.Web.Features.FollowUps;

public sealed class FollowUpEditModel
{
    [Required(ErrorMessage = "기본계획을 고르세요.")]
    public int? PlanId { get; set; }

    public FindingSource Source { get; set; }

    [Required(ErrorMessage = "평가 연도를 입력하세요.")]
    [Range(YearRange.MinYear, YearRange.MaxYear, ErrorMessage = "연도는 1990년부터 2100년 사이로 입력하세요.")]
    public int? Year { get; set; }

    [StringLength(20, ErrorMessage = "세부사업 코드는 20자 이내로 입력하세요.")]
    public string? Code { get; set; }

    [Required(ErrorMessage = "담당 부서를 고르세요.")]
    public int? DepartmentId { get; set; }

    [Required(ErrorMessage = "평가 결과(지적사항)를 입력하세요.")]
    [StringLength(FollowUpAction.TextMaxLength, ErrorMessage = "평가 결과는 2,000자 이내로 입력하세요.")]
    [DataType(DataType.MultilineText)]
    public string? Finding { get; set; }

    [Required(ErrorMessage = "조치 기한을 입력하세요. 예: 2027-06-30")]
    public DateOnly? DueDate { get; set; }
}

public sealed record FollowUpRow(int Id, string Plan, string Source, int Year, string? SubProject, string Department, string Finding, string Due, bool Overdue, bool Done, string? Outcome, string? OutcomeBy, bool CanRecord, Guid Version);

public sealed record FollowUpsViewModel(
    IReadOnlyList<FollowUpRow> Rows,
    int? PlanId,
    int? Year,
    IReadOnlyList<Option> Plans,
    IReadOnlyList<Option> Departments,
    FollowUpEditModel Input,
    int? ErrorRowId,
    string? TypedOutcome);
