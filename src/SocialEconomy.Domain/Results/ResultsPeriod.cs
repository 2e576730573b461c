using SocialEconomy.Domain.Planning;

namespace SocialEconomy.Domain.Results;

/// <summary>
/// 실적 입력 기간: the coordinator opens a plan's year for results with a deadline, and closes
/// it when the review is over. Officers save and submit only while it is open.
/// </summary>
public class ResultsPeriod
{
    public ResultsPeriod(BasicPlan plan, int year, DateOnly deadline, DateTime openedAtUtc)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Status != PlanStatus.Adopted)
        {
            throw new DomainException("확정된 계획에만 실적 입력 기간을 열 수 있습니다.");
        }

        if (!plan.Period.Contains(year))
        {
            throw new DomainException($"{year}년은 계획기간({plan.Period}) 밖의 연도입니다.");
        }

        PlanId = plan.Id;
        Year = year;
        Deadline = deadline;
        IsOpen = true;
        OpenedAtUtc = openedAtUtc;
    }

    private ResultsPeriod()
    {
    }

    public int Id { get; private set; }

    public int PlanId { get; private set; }

    public int Year { get; private set; }

    /// <summary>제출 기한, a date in Korea.</summary>
    public DateOnly Deadline { get; private set; }

    public bool IsOpen { get; private set; }

    public DateTime OpenedAtUtc { get; private set; }

    public DateTime? ClosedAtUtc { get; private set; }

    public bool IsOverdue(DateOnly today) => today > Deadline;

    public void Close(DateTime nowUtc)
    {
        if (!IsOpen)
        {
            throw new DomainException("이미 닫힌 실적 입력 기간입니다.");
        }

        IsOpen = false;
        ClosedAtUtc = nowUtc;
    }

    public void Reopen(DateOnly deadline)
    {
        if (IsOpen)
        {
            throw new DomainException("이미 열려 있는 실적 입력 기간입니다.");
        }

        IsOpen = true;
        ClosedAtUtc = null;
        Deadline = deadline;
    }

    public void ChangeDeadline(DateOnly deadline) => Deadline = deadline;

    public void EnsureOpen()
    {
        if (!IsOpen)
        {
            throw new DomainException($"{Year}년 실적 입력 기간이 닫혀 있습니다. 사회적경제 담당부서에 문의하세요.");
        }
    }
}
