using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialEconomy.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class YearlyResults : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Direction",
                table: "Indicators",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "Increase");

            migrationBuilder.CreateTable(
                name: "ResultsPeriods",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IsOpen = table.Column<bool>(type: "INTEGER", nullable: false),
                    OpenedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClosedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResultsPeriods", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResultsPeriods_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "YearResults",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SubProjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    Achievements = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Problems = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Improvements = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_YearResults", x => x.Id);
                    table.ForeignKey(
                        name: "FK_YearResults_SubProjects_SubProjectId",
                        column: x => x.SubProjectId,
                        principalTable: "SubProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "BudgetExecutions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    YearResultId = table.Column<int>(type: "INTEGER", nullable: false),
                    BudgetLineId = table.Column<int>(type: "INTEGER", nullable: false),
                    Input = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Executed = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    Problem = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BudgetExecutions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BudgetExecutions_BudgetLines_BudgetLineId",
                        column: x => x.BudgetLineId,
                        principalTable: "BudgetLines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_BudgetExecutions_YearResults_YearResultId",
                        column: x => x.YearResultId,
                        principalTable: "YearResults",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorResults",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    YearResultId = table.Column<int>(type: "INTEGER", nullable: false),
                    IndicatorId = table.Column<int>(type: "INTEGER", nullable: false),
                    Input = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ActualNumber = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    ActualText = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Judgement = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Problem = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorResults", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndicatorResults_Indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "Indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IndicatorResults_YearResults_YearResultId",
                        column: x => x.YearResultId,
                        principalTable: "YearResults",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MilestoneProgress",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    YearResultId = table.Column<int>(type: "INTEGER", nullable: false),
                    MilestoneId = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MilestoneProgress", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MilestoneProgress_Milestones_MilestoneId",
                        column: x => x.MilestoneId,
                        principalTable: "Milestones",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MilestoneProgress_YearResults_YearResultId",
                        column: x => x.YearResultId,
                        principalTable: "YearResults",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ResultAttachments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    YearResultId = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Length = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UploadedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResultAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResultAttachments_YearResults_YearResultId",
                        column: x => x.YearResultId,
                        principalTable: "YearResults",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ResultEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    YearResultId = table.Column<int>(type: "INTEGER", nullable: false),
                    Step = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResultEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResultEvents_YearResults_YearResultId",
                        column: x => x.YearResultId,
                        principalTable: "YearResults",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AttachmentBlobs",
                columns: table => new
                {
                    AttachmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AttachmentBlobs", x => x.AttachmentId);
                    table.ForeignKey(
                        name: "FK_AttachmentBlobs_ResultAttachments_AttachmentId",
                        column: x => x.AttachmentId,
                        principalTable: "ResultAttachments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BudgetExecutions_BudgetLineId",
                table: "BudgetExecutions",
                column: "BudgetLineId");

            migrationBuilder.CreateIndex(
                name: "IX_BudgetExecutions_YearResultId_BudgetLineId",
                table: "BudgetExecutions",
                columns: new[] { "YearResultId", "BudgetLineId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorResults_IndicatorId",
                table: "IndicatorResults",
                column: "IndicatorId");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorResults_YearResultId_IndicatorId",
                table: "IndicatorResults",
                columns: new[] { "YearResultId", "IndicatorId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MilestoneProgress_MilestoneId",
                table: "MilestoneProgress",
                column: "MilestoneId");

            migrationBuilder.CreateIndex(
                name: "IX_MilestoneProgress_YearResultId_MilestoneId",
                table: "MilestoneProgress",
                columns: new[] { "YearResultId", "MilestoneId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ResultAttachments_YearResultId",
                table: "ResultAttachments",
                column: "YearResultId");

            migrationBuilder.CreateIndex(
                name: "IX_ResultEvents_YearResultId",
                table: "ResultEvents",
                column: "YearResultId");

            migrationBuilder.CreateIndex(
                name: "IX_ResultsPeriods_PlanId_Year",
                table: "ResultsPeriods",
                columns: new[] { "PlanId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_YearResults_SubProjectId_Year",
                table: "YearResults",
                columns: new[] { "SubProjectId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_YearResults_Year_Status",
                table: "YearResults",
                columns: new[] { "Year", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AttachmentBlobs");

            migrationBuilder.DropTable(
                name: "BudgetExecutions");

            migrationBuilder.DropTable(
                name: "IndicatorResults");

            migrationBuilder.DropTable(
                name: "MilestoneProgress");

            migrationBuilder.DropTable(
                name: "ResultEvents");

            migrationBuilder.DropTable(
                name: "ResultsPeriods");

            migrationBuilder.DropTable(
                name: "ResultAttachments");

            migrationBuilder.DropTable(
                name: "YearResults");

            migrationBuilder.DropColumn(
                name: "Direction",
                table: "Indicators");
        }
    }
}
