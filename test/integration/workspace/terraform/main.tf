# Fixture for the integration tests (Terraform).
resource "aws_s3_bucket" "reports" {
  bucket = "example-reports-123456789012"
}

resource "aws_lambda_function" "processor" {
  function_name = "processor"
  role          = "arn:aws:iam::123456789012:role/processor"
  handler       = "index.handler"
  runtime       = "python3.12"
  filename      = "processor.zip"
}

data "aws_caller_identity" "current" {}

module "network" {
  source = "terraform-aws-modules/vpc/aws"
  name   = "network"
}
